import "server-only";
import { z } from "zod";
import { db } from "@/server/db/client";
import type { Db } from "@/server/db/types";
import { ActionError, type ErrorStatus } from "@/server/auth/errors";
import { findMembership, type OrgMembership } from "@/server/auth/membership";
import { can, type Permission } from "@/server/auth/permissions";
import { requestHeaders } from "@/server/auth/request-context";
import { sessionUserFromHeaders, type SessionUser } from "@/server/auth/session-token";
import { recordAudit, type AuditEntry } from "@/server/audit/record";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: ErrorStatus; error: string; fieldErrors?: Record<string, string>; details?: Record<string, unknown> };

export interface UserContext {
  user: SessionUser;
  /** The transaction the action and its audit event share: both land or neither does. */
  tx: Db;
}
export type OrgContext = UserContext & OrgMembership;

type Outcome<T> = { data: T; audit: AuditEntry | null };

type OrgActionSpec<S extends z.ZodType, T> = {
  /** Audit action name, e.g. "stack.rename". */
  action: string;
  permission: Permission;
  input: S;
  run: (ctx: OrgContext, input: z.infer<S>) => Promise<Outcome<T>>;
};

/** Actions that act before any membership exists (creating an organization); they name the organization to audit into. */
type UserActionSpec<S extends z.ZodType, T> = {
  action: string;
  permission: null;
  input: S;
  // Account-level changes without an audit event (linking a sign-in method) name no organization.
  run: (ctx: UserContext, input: z.infer<S>) => Promise<(Outcome<T> & { organizationId: string }) | { data: T; audit: null }>;
};

const orgScope = z.object({ orgSlug: z.string().min(1) });

// Prisma's default (5 s) is too tight for a save: validating a definition loads the CloudFormation
// spec on first use (about 0.7 s idle, several seconds on a loaded machine) inside the transaction.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

function failure(status: ErrorStatus, error: string, fieldErrors?: Record<string, string>, details?: Record<string, unknown>): ActionResult<never> {
  return { ok: false, status, error, ...(fieldErrors ? { fieldErrors } : {}), ...(details ? { details } : {}) };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "input"] ??= issue.message;
  return out;
}

/**
 * The one wrapper every server action goes through: authenticate; for organization actions,
 * resolve the membership in the target organization (a non-member gets 404, so other
 * organizations' ids reveal nothing) and check the permission; validate the input; run the
 * action and write its audit event in one transaction.
 */
export function defineAction<S extends z.ZodType, T>(spec: OrgActionSpec<S, T> | UserActionSpec<S, T>) {
  const action = async (rawInput: unknown): Promise<ActionResult<T>> => {
    const user = await sessionUserFromHeaders(await requestHeaders());
    if (!user) return failure(401, "You are signed out. Sign in again to continue.");

    let membership: OrgMembership | null = null;
    if (spec.permission !== null) {
      const scope = orgScope.safeParse(rawInput);
      if (!scope.success) return failure(400, "orgSlug: the organization is missing.", { orgSlug: "Required" });
      membership = await findMembership(db(), user.id, scope.data.orgSlug);
      if (!membership) return failure(404, "Not found.");
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

    try {
      const data = await db().$transaction(async (tx) => {
        if (spec.permission === null) {
          const r = await spec.run({ user, tx }, parsed.data);
          if ("organizationId" in r && r.audit) await recordAudit(tx, { ...r.audit, organizationId: r.organizationId, actor: user, action: spec.action });
          return r.data;
        }
        const r = await spec.run({ ...membership!, user, tx }, parsed.data);
        if (r.audit) await recordAudit(tx, { ...r.audit, organizationId: membership!.org.id, actor: user, action: spec.action });
        return r.data;
      }, TRANSACTION_OPTIONS);
      return { ok: true, data };
    } catch (e) {
      if (e instanceof ActionError) return failure(e.status, e.message, e.fieldErrors, e.details);
      console.error(`[action ${spec.action}]`, e);
      return failure(500, "Something went wrong on the server. Nothing was changed.");
    }
  };
  // Lets the authorization test tell organization actions from user actions without a hand-kept list.
  return Object.assign(action, { auditAction: spec.action, orgScoped: spec.permission !== null });
}
