import "server-only";
import type { OrgMembership } from "@/server/auth/membership";
import type { SessionUser } from "@/server/auth/session-token";
import { jsonError } from "@/server/http/json-error";
import { clientAddress } from "./client-address";
import { enforceRateLimit, type Verdict } from "./enforce";
import type { LimitName } from "./limits";
import type { Subject } from "./keys";

// Rate limits at the HTTP edge: 429 with Retry-After (seconds) and the project's JSON error shape.

export type Rejected = Extract<Verdict, { ok: false }>;

export function tooManyRequests(verdict: Rejected, extra: Record<string, unknown> = {}): Response {
  return jsonError(429, verdict.message, { retryAfterSeconds: verdict.retryAfterSeconds, ...extra }, { "Retry-After": String(verdict.retryAfterSeconds) });
}

/** Counts the request; the 429 to answer when over the limit, otherwise null. */
export async function limitResponse(name: LimitName, subject: Subject): Promise<Response | null> {
  const verdict = await enforceRateLimit(name, subject);
  return verdict.ok ? null : tooManyRequests(verdict);
}

/** Per client address, for requests before anyone is known (sign-in, unauthenticated API calls). */
export function limitByAddress(name: LimitName, req: Request): Promise<Response | null> {
  return limitResponse(name, { kind: "address", value: clientAddress(req.headers) });
}

type OrgRouteHandler = (req: Request, ctx: OrgMembership & { user: SessionUser }) => Promise<Response>;

/** An orgRoute handler counted per signed-in user: orgRoute(permission, rateLimited("invoke", handler)). */
export function rateLimited(name: LimitName, handler: OrgRouteHandler): OrgRouteHandler {
  return async (req, ctx) => (await limitResponse(name, { kind: "user", value: ctx.user.id })) ?? handler(req, ctx);
}
