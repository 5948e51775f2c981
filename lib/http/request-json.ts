// The browser's side of the one JSON error shape: `{ error, fieldErrors?, details? }` with a 4xx or 5xx.

/** A failed request: the server's message, the fields it blamed, and the raw text behind the "Details" toggle. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string> = {},
    readonly details: string | null = null,
  ) {
    super(message);
  }
}

/** The JSON body of a successful answer; a RequestError otherwise. */
export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const b = (body ?? {}) as { error?: unknown; fieldErrors?: Record<string, string>; details?: unknown };
    throw new RequestError(typeof b.error === "string" ? b.error : `The server answered HTTP ${res.status}.`, res.status, b.fieldErrors ?? {}, typeof b.details === "string" && b.details ? b.details : null);
  }
  return body as T;
}
