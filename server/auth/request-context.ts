import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Server actions read the caller's cookies from Next's request scope. Code that runs outside that
// scope (integration tests calling actions directly) provides the same headers explicitly here,
// so the real session-decoding path still runs.
const storage = new AsyncLocalStorage<Headers>();

export function withRequestHeaders<T>(headers: Headers, fn: () => Promise<T>): Promise<T> {
  return storage.run(headers, fn);
}

export async function requestHeaders(): Promise<Headers> {
  const explicit = storage.getStore();
  if (explicit) return explicit;
  const { headers } = await import("next/headers");
  return new Headers(await headers());
}
