import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// What the log says about the request being served: its id (the caller's X-Request-Id when it is a
// sane token, so a proxy's id follows the request through; else a new one) and, once resolved, the
// organization's slug. The route wrappers and the action wrapper open the scope; log.ts reads it.

export interface RequestScope {
  requestId: string;
  org?: string;
  /** The person the request acts for (a session's user, an API token's creator), once authenticated: the compute pool's fairness counts per person. */
  userId?: string;
}

// On globalThis: Next loads route handlers and instrumentation as separate module instances.
const shared = globalThis as unknown as { lambdaplaneRequestScope?: AsyncLocalStorage<RequestScope> };
const storage = (shared.lambdaplaneRequestScope ??= new AsyncLocalStorage<RequestScope>());

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's X-Request-Id when it is a short token of safe characters; a new UUID otherwise (a log line must not carry what a client wrote at length). */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id")?.trim() ?? "";
  return SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

export function withRequestScope<T>(scope: RequestScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Names the person in the current scope once the request is authenticated. */
export function bindUser(userId: string): void {
  const scope = storage.getStore();
  if (scope) scope.userId = userId;
}

/** Names the organization in the current scope once the membership is resolved. */
export function bindOrganization(slug: string): void {
  const scope = storage.getStore();
  if (scope) scope.org = slug;
}
