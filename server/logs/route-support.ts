import "server-only";
import { db } from "@/server/db/client";
import { AwsCallError } from "@/server/aws/errors";
import { LogQueryError } from "./filter-events";
import { findLogSource } from "./queries";
import { LogSourceError, readySource, type ReadySource } from "./source-clients";

// Shared by the logs, live-tail and metrics route handlers: find the stage in the organization and
// turn known failures into JSON errors that name the field.

export const jsonError = (status: number, error: string, field?: string) =>
  Response.json({ error, ...(field ? { fieldErrors: { [field]: error } } : {}) }, { status });

/** A failed AWS call: the translated message, and the SDK's text for the "Details" toggle. */
export const awsCallErrorResponse = (e: AwsCallError) => Response.json({ error: e.message, details: e.details }, { status: e.status });

export async function withReadySource(organizationId: string, stageId: string, url: URL, work: (ready: ReadySource) => Promise<Response>): Promise<Response> {
  const source = await findLogSource(db(), organizationId, stageId);
  if (!source) return jsonError(404, "Stage not found.");
  try {
    return await work(readySource(source, url.searchParams.get("function") || null));
  } catch (error) {
    if (error instanceof LogSourceError) return jsonError(error.status, error.message);
    if (error instanceof LogQueryError) return jsonError(error.status, error.message, error.field);
    if (error instanceof AwsCallError) return awsCallErrorResponse(error);
    throw error;
  }
}
