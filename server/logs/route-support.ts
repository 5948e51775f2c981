import "server-only";
import { z } from "zod";
import { filterPatternError } from "@/lib/logs/filter-pattern";
import { db } from "@/server/db/client";
import { jsonError } from "@/server/http/json-error";
import { LogQueryError } from "./filter-events";
import { findLogSource } from "./queries";
import { LogSourceError, readySource, type ReadySource } from "./source-clients";

// Shared by the logs, live-tail and metrics route handlers: find the stage in the organization and
// turn known failures into JSON errors that name the field (AWS failures and the rest: orgRoute).

/** ?filter=: a CloudWatch filter pattern, trimmed, refused when CloudWatch would refuse it. */
export const filterQuery = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .superRefine((pattern, ctx) => {
    const problem = filterPatternError(pattern);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** `functionName`: the ?function= parameter (none: every function of the stage). */
export async function withReadySource(organizationId: string, stageId: string, functionName: string | undefined, work: (ready: ReadySource) => Promise<Response>): Promise<Response> {
  const source = await findLogSource(db(), organizationId, stageId);
  if (!source) return jsonError(404, "Stage not found.");
  try {
    return await work(readySource(source, functionName || null));
  } catch (error) {
    if (error instanceof LogSourceError) return jsonError(error.status, error.message);
    if (error instanceof LogQueryError) return jsonError(error.status, error.message, { field: error.field });
    throw error;
  }
}
