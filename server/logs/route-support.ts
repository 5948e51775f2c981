import "server-only";
import { db } from "@/server/db/client";
import { jsonError } from "@/server/http/json-error";
import { LogQueryError } from "./filter-events";
import { findLogSource } from "./queries";
import { LogSourceError, readySource, type ReadySource } from "./source-clients";

// Shared by the logs, live-tail and metrics route handlers: find the stage in the organization and
// turn known failures into JSON errors that name the field (AWS failures and the rest: orgRoute).

export async function withReadySource(organizationId: string, stageId: string, url: URL, work: (ready: ReadySource) => Promise<Response>): Promise<Response> {
  const source = await findLogSource(db(), organizationId, stageId);
  if (!source) return jsonError(404, "Stage not found.");
  try {
    return await work(readySource(source, url.searchParams.get("function") || null));
  } catch (error) {
    if (error instanceof LogSourceError) return jsonError(error.status, error.message);
    if (error instanceof LogQueryError) return jsonError(error.status, error.message, { field: error.field });
    throw error;
  }
}
