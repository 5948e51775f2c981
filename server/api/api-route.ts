import "server-only";
import { z } from "zod";
import { db } from "@/server/db/client";
import { fieldErrorsOf } from "@/server/actions/define-action";
import { ActionError } from "@/server/auth/errors";
import { can, type Permission } from "@/lib/auth/permissions";
import { recordAudit, type AuditEntry } from "@/server/audit/record";
import type { Db } from "@/server/db/types";
import { grants, type TokenScope } from "@/lib/tokens/scopes";
import { limitByAddress, limitResponse } from "@/server/rate-limit/responses";
import { authenticateApiToken, type ApiCaller } from "./authenticate";
import { errorResponse, jsonError } from "@/server/http/json-error";
import { BODY_LIMITS, readJsonBody } from "./read-body";
import { observedRequest } from "@/server/ops/observe-request";
import { bindOrganization, bindUser } from "@/server/ops/request-scope";

// The one wrapper every /api/v1 route handler goes through: count the request per client address
// and, once authenticated, per token (429 with Retry-After); authenticate the bearer token (401),
// check the token's scope and its creator's role (403, saying which is missing), run the handler,
// and turn ActionErrors into JSON errors with their status. Mutations write their audit event in
// the same transaction through `audited`.

export interface ApiNeed {
  scope: TokenScope;
  permission: Permission;
  /** Said in the 403, e.g. "starting a deploy". */
  doing: string;
}

type RouteContext<P> = { params: Promise<P> };
type ApiHandler<P> = (req: Request, caller: ApiCaller, params: P) => Promise<Response>;

export function apiRoute<P = Record<string, never>>(need: ApiNeed, handler: ApiHandler<P>) {
  return (req: Request, ctx: RouteContext<P>): Promise<Response> =>
    observedRequest("v1", req, async () => {
      try {
        const byAddress = await limitByAddress("apiAddress", req);
        if (byAddress) return byAddress;
        const auth = await authenticateApiToken(db(), req.headers.get("authorization"));
        if (!auth.ok) return jsonError(401, auth.error);
        const { caller } = auth;
        bindOrganization(caller.org.slug);
        bindUser(caller.actor.id);
        const byToken = await limitResponse("apiToken", { kind: "token", value: caller.token.id });
        if (byToken) return byToken;
        if (!grants(caller.token.scopes, need.scope)) {
          return jsonError(403, `The token ${caller.token.name} has the scopes ${caller.token.scopes.join(", ")}; ${need.doing} needs the ${need.scope} scope.`);
        }
        if (!can(caller.role, need.permission)) {
          return jsonError(403, `The token acts as ${caller.actor.email}, whose role (${caller.role}) does not allow ${need.doing}.`);
        }
        return await handler(req, caller, await ctx.params);
      } catch (e) {
        return errorResponse(e, `api ${req.method} ${new URL(req.url).pathname}`);
      }
    });
}

/** The JSON body (at most BODY_LIMITS.restJson bytes, else 413), validated; a 400 naming the first bad field otherwise. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const body = await readJsonBody(req, BODY_LIMITS.restJson);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const [field, message] = Object.entries(fieldErrors)[0];
    throw new ActionError(400, `${field}: ${message}`, fieldErrors);
  }
  return parsed.data;
}

/** Runs a mutation and its audit event (actor: the token's creator; apiTokenId: the token) in one transaction. */
export function audited<T>(caller: ApiCaller, action: string, run: (tx: Db) => Promise<{ data: T; audit: AuditEntry }>): Promise<T> {
  return db().$transaction(async (tx) => {
    const { data, audit } = await run(tx);
    await recordAudit(tx, { ...audit, organizationId: caller.org.id, actor: caller.actor, action, apiTokenId: caller.token.id });
    return data;
  });
}
