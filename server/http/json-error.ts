import "server-only";
import { ActionError } from "@/server/auth/errors";
import { AwsCallError } from "@/server/aws/errors";
import { databaseProblem } from "@/server/db/errors";
import { log } from "@/server/ops/log";

// The one JSON error shape of every route handler: `{ error, fieldErrors?, details? }` with a 4xx or
// 5xx status (server actions answer the same shape through defineAction). `error` is words for a
// person; `details` is raw text for the "Details" toggle; `fieldErrors` maps a field to its problem.

export interface JsonErrorExtra {
  /** Field -> problem; `field` is the shorthand for one field whose problem is the message itself. */
  fieldErrors?: Record<string, string>;
  field?: string;
  details?: string | null;
  /** Whatever else a caller needs to recover (a save conflict's newer revision, a retry time). */
  [key: string]: unknown;
}

export function jsonError(status: number, error: string, extra: JsonErrorExtra = {}, headers?: HeadersInit): Response {
  const { field, fieldErrors, details, ...rest } = extra;
  const fields = fieldErrors ?? (field ? { [field]: error } : undefined);
  return Response.json({ error, ...(fields ? { fieldErrors: fields } : {}), ...(details ? { details } : {}), ...rest }, { status, headers });
}

/** Anything a route handler throws, in the one shape; unexpected errors are logged (redacted) and answered 500 without their text. */
export function errorResponse(e: unknown, where: string): Response {
  if (e instanceof ActionError) return jsonError(e.status, e.message, { fieldErrors: e.fieldErrors, ...(e.details ?? {}) });
  if (e instanceof AwsCallError) return jsonError(e.status, e.message, { details: e.details });
  log.error(`${where} failed`, { error: e });
  const database = databaseProblem(e);
  if (database) return jsonError(database.status, database.message, { details: database.details });
  return jsonError(500, "Something went wrong on the server. Nothing was changed.");
}
