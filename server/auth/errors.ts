// Errors that cross the server boundary as data, with the HTTP status they mean.
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

export class ActionError extends Error {
  constructor(
    readonly status: ErrorStatus,
    message: string,
    readonly fieldErrors?: Record<string, string>,
    /** Structured data the caller needs to recover, e.g. the newer revision of a save conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = "Not found") => new ActionError(404, what);
export const forbidden = (message: string) => new ActionError(403, message);
export const invalid = (field: string, message: string) => new ActionError(400, message, { [field]: message });
