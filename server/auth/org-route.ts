import "server-only";
import { db } from "@/server/db/client";
import { findMembership, type OrgMembership } from "./membership";
import { can, type Permission } from "@/lib/auth/permissions";
import { changesState, fromAppOrigin } from "./same-origin";
import { sessionUserFromHeaders, type SessionUser } from "./session-token";
import { errorResponse, jsonError } from "@/server/http/json-error";
import { observedRequest } from "@/server/ops/observe-request";
import { bindOrganization, bindUser } from "@/server/ops/request-scope";

type OrgRouteHandler = (req: Request, ctx: OrgMembership & { user: SessionUser }) => Promise<Response>;

// NEXTAUTH_URL is the origin users browse to (required in production); without it (tests, a bare
// `next dev`) the request's own URL is the best guess.
const appOrigin = (req: Request) => process.env.NEXTAUTH_URL ?? req.url;

/**
 * Route handlers under /api/orgs/[org]/... go through this: authenticate from the request's
 * session cookie, refuse a state-changing request from another site (403), resolve the membership
 * (non-members get 404) and check the permission. What the handler throws is answered in the one
 * JSON error shape (server/http/json-error.ts), as /api/v1 does. Each request is timed for
 * /api/metrics and logged under its request id and organization (server/ops/observe-request.ts).
 */
export function orgRoute(permission: Permission, handler: OrgRouteHandler) {
  return (req: Request, { params }: { params: Promise<{ org: string }> }): Promise<Response> =>
    observedRequest("orgs", req, async () => {
      const user = await sessionUserFromHeaders(req.headers);
      if (!user) return jsonError(401, "Sign in to continue.");
      bindUser(user.id);
      if (changesState(req.method) && !fromAppOrigin(req.headers.get("origin"), appOrigin(req))) {
        return jsonError(403, "Origin: this request did not come from Lambdaplane's own pages.");
      }
      const membership = await findMembership(db(), user.id, (await params).org);
      if (!membership) return jsonError(404, "Not found.");
      bindOrganization(membership.org.slug);
      if (!can(membership.role, permission)) return jsonError(403, `Your role (${membership.role}) does not allow this.`);
      try {
        return await handler(req, { ...membership, user });
      } catch (e) {
        return errorResponse(e, `route ${req.method} ${new URL(req.url).pathname}`);
      }
    });
}
