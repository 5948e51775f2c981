import "server-only";
import { z } from "zod";
import { db } from "@/server/db/client";
import type { Db } from "@/server/db/types";
import { ActionError, type ErrorStatus } from "@/server/auth/errors";
import { findMembership, type OrgMembership } from "@/server/auth/membership";
import { can, type Permission } from "@/lib/auth/permissions";
import { requestHeaders } from "@/server/auth/request-context";
import { sessionUserFromHeaders, type SessionUser } from "@/server/auth/session-token";
import { recordAudit, type AuditEntry } from "@/server/audit/record";
import { databaseProblem } from "@/server/db/errors";
import { enforceRateLimit } from "@/server/rate-limit/enforce";
import { log } from "@/server/ops/log";
import { bindOrganization, bindUser, requestIdFrom, withRequestScope } from "@/server/ops/request-scope";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: ErrorStatus; error: string; fieldErrors?: Record<string, string>; details?: Record<string, unknown> };

/** Outside any transaction: reads, and network calls (which must never hold a pooled connection). */
export interface UserContext {
  user: SessionUser;
  /** The shared client, no transaction: each query takes a pooled connection only while it runs. */
  db: Db;
}
export type OrgContext = UserContext & OrgMembership;

/** Inside a write's transaction: the change and its audit event land together or not at all. */
export type UserTxContext = UserContext & { tx: Db };
export type OrgTxContext = OrgContext & { tx: Db };

type Outcome<T> = { data: T; audit: AuditEntry | null };

/** A transaction longer than the default needs a reason, written next to the action. */
type TransactionTimeout = { ms: number; why: string };

type Common<S extends z.ZodType> = {
  /** Audit action name (and log label), e.g. "stack.rename". */
  action: string;
  input: S;
};

/** Reads (and read-only network checks): no transaction, no audit event. */
type OrgReadSpec<S extends z.ZodType, T> = Common<S> & {
  mode: "read";
  permission: Permission;
  run: (ctx: OrgContext, input: z.infer<S>) => Promise<T>;
};

/**
 * Changes: `prepare` does the slow or outbound work (network, parsing) before the transaction
 * opens; `run` writes inside a short transaction together with the audit event; `afterCommit`
 * does what must follow a committed row (sending an email about it) and may replace the answer.
 * An `afterCommit` that fails cannot roll the change back: it compensates itself.
 */
type OrgWriteSpec<S extends z.ZodType, T, P> = Common<S> & {
  mode: "write";
  permission: Permission;
  timeout?: TransactionTimeout;
  prepare?: (ctx: OrgContext, input: z.infer<S>) => Promise<P>;
  run: (ctx: OrgTxContext, input: z.infer<S>, prepared: P) => Promise<Outcome<T>>;
  afterCommit?: (ctx: OrgContext, data: T, input: z.infer<S>) => Promise<T>;
};

/** Writes before any membership exists (creating an organization); they name the organization to audit into. */
type UserWriteSpec<S extends z.ZodType, T> = Common<S> & {
  mode: "write";
  permission: null;
  timeout?: TransactionTimeout;
  // Account-level changes without an audit event (linking a sign-in method) name no organization.
  run: (ctx: UserTxContext, input: z.infer<S>) => Promise<(Outcome<T> & { organizationId: string }) | { data: T; audit: null }>;
};

const orgScope = z.object({ orgSlug: z.string().min(1) });

// Short on purpose: a write transaction holds a pooled connection (and row locks) for its whole
// life, so nothing slow belongs inside one. maxWait bounds the wait for a free connection.
export const DEFAULT_TRANSACTION_TIMEOUT_MS = 5_000;
const MAX_WAIT_MS = 10_000;

function failure(status: ErrorStatus, error: string, fieldErrors?: Record<string, string>, details?: Record<string, unknown>): ActionResult<never> {
  return { ok: false, status, error, ...(fieldErrors ? { fieldErrors } : {}), ...(details ? { details } : {}) };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "input"] ??= issue.message;
  return out;
}

function transaction<T>(timeout: TransactionTimeout | undefined, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db().$transaction(fn, { maxWait: MAX_WAIT_MS, timeout: timeout?.ms ?? DEFAULT_TRANSACTION_TIMEOUT_MS });
}

/**
 * The one wrapper every server action goes through: authenticate; for organization actions,
 * resolve the membership in the target organization (a non-member gets 404, so other
 * organizations' ids reveal nothing) and check the permission; validate the input; then run the
 * action in its mode (read: no transaction; write: prepare, transaction with the audit event,
 * after-commit step). Logged under the request's id and, once resolved, the organization.
 */
export function defineAction<S extends z.ZodType, T, P = undefined>(spec: OrgReadSpec<S, T> | OrgWriteSpec<S, T, P> | UserWriteSpec<S, T>) {
  const action = async (rawInput: unknown): Promise<ActionResult<T>> => {
    const headers = await requestHeaders();
    return withRequestScope({ requestId: requestIdFrom(headers) }, () => perform(headers, rawInput));
  };
  const perform = async (headers: Headers, rawInput: unknown): Promise<ActionResult<T>> => {
    const user = await sessionUserFromHeaders(headers);
    if (!user) return failure(401, "You are signed out. Sign in again to continue.");
    bindUser(user.id);
    // Counted per user before the call does any other work (server/rate-limit: 429 with the wait).
    const limited = await enforceRateLimit("action", { kind: "user", value: user.id });
    if (!limited.ok) return failure(429, limited.message, undefined, { retryAfterSeconds: limited.retryAfterSeconds });

    let membership: OrgMembership | null = null;
    if (spec.permission !== null) {
      const scope = orgScope.safeParse(rawInput);
      if (!scope.success) return failure(400, "orgSlug: the organization is missing.", { orgSlug: "Required" });
      membership = await findMembership(db(), user.id, scope.data.orgSlug);
      if (!membership) return failure(404, "Not found.");
      bindOrganization(membership.org.slug);
      if (!can(membership.role, spec.permission)) {
        return failure(403, `Your role (${membership.role}) does not allow this action.`);
      }
    }

    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      const [field, message] = Object.entries(fieldErrors)[0];
      return failure(400, `${field}: ${message}`, fieldErrors);
    }
    const input = parsed.data;

    let committed = false;
    try {
      if (spec.permission === null) {
        const data = await transaction(spec.timeout, async (tx) => {
          const r = await spec.run({ user, db: db(), tx }, input);
          if ("organizationId" in r && r.audit) await recordAudit(tx, { ...r.audit, organizationId: r.organizationId, actor: user, action: spec.action });
          return r.data;
        });
        committed = true;
        return { ok: true, data };
      }
      const ctx: OrgContext = { ...membership!, user, db: db() };
      if (spec.mode === "read") return { ok: true, data: await spec.run(ctx, input) };
      const prepared = (spec.prepare ? await spec.prepare(ctx, input) : undefined) as P;
      const data = await transaction(spec.timeout, async (tx) => {
        const r = await spec.run({ ...ctx, tx }, input, prepared);
        if (r.audit) await recordAudit(tx, { ...r.audit, organizationId: ctx.org.id, actor: user, action: spec.action });
        return r.data;
      });
      committed = true;
      return { ok: true, data: spec.afterCommit ? await spec.afterCommit(ctx, data, input) : data };
    } catch (e) {
      if (e instanceof ActionError) return failure(e.status, e.message, e.fieldErrors, e.details);
      // The logger prints the error's first line only: a database error quotes the query's arguments (the input) after it.
      log.error(`action ${spec.action} failed`, { action: spec.action, error: e });
      const database = databaseProblem(e);
      if (database?.transient) return failure(503, spec.mode === "read" || committed ? database.message : `${database.message} Nothing was changed.`);
      return failure(500, spec.mode === "read" || committed ? "Something went wrong on the server." : "Something went wrong on the server. Nothing was changed.");
    }
  };
  // Lets the authorization test tell organization actions from user actions, and reads from writes, without a hand-kept list.
  return Object.assign(action, { auditAction: spec.action, orgScoped: spec.permission !== null, mode: spec.mode });
}
