import "server-only";
import type { Db } from "@/server/db/types";
import { sha256Hex } from "@/server/crypto";
import { ActionError, forbidden, invalid, notFound } from "@/server/auth/errors";
import type { Role } from "@/lib/auth/permissions";
import { INVITATION_PROVIDER_ID } from "@/server/auth/config";
import { ssoEnforcementRefuses } from "@/server/auth/sso-enforcement";
import { assertRoom, TENANT_LIMITS } from "@/server/tenant-limits";
import { INVITATION_TTL_DAYS, newInvitationToken } from "./token";

const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSED_INVITATION_KEEP_DAYS = 90;

export async function createInvitation(
  tx: Db,
  args: { organizationId: string; actorRole: Role; invitedById: string; email: string; role: Role; now?: Date },
) {
  if (args.role === "owner" && args.actorRole !== "owner") throw forbidden("Only an owner can invite another owner.");
  const member = await tx.membership.findFirst({ where: { organizationId: args.organizationId, user: { email: args.email } } });
  if (member) throw invalid("email", `${args.email} is already a member of this organization.`);
  const now = args.now ?? new Date();
  // A new invitation replaces any still-open one for the same person: only the latest link works.
  await tx.invitation.updateMany({
    where: { organizationId: args.organizationId, email: args.email, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const open = await tx.invitation.count({ where: { organizationId: args.organizationId, acceptedAt: null, revokedAt: null } });
  assertRoom(open, TENANT_LIMITS.openInvitationsPerOrganization, "email", "open invitations per organization (revoke unused ones)");
  // Accepted and revoked invitations are shown nowhere (the audit log keeps their story): dropping
  // the old ones keeps the table proportional to recent use, not to the organization's age.
  const closedBefore = new Date(now.getTime() - CLOSED_INVITATION_KEEP_DAYS * DAY_MS);
  await tx.invitation.deleteMany({
    where: { organizationId: args.organizationId, OR: [{ acceptedAt: { lt: closedBefore } }, { revokedAt: { lt: closedBefore } }] },
  });
  const { token, tokenHash } = newInvitationToken();
  const invitation = await tx.invitation.create({
    data: {
      organizationId: args.organizationId,
      email: args.email,
      role: args.role,
      tokenHash,
      invitedById: args.invitedById,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS),
    },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  return { ...invitation, token };
}

export async function revokeInvitation(tx: Db, organizationId: string, invitationId: string) {
  const inv = await tx.invitation.findFirst({ where: { id: invitationId, organizationId } });
  if (!inv) throw notFound("Invitation not found.");
  if (inv.acceptedAt) throw new ActionError(409, "This invitation was already accepted; remove the member instead.");
  if (!inv.revokedAt) await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
  return { email: inv.email, role: inv.role };
}

export type InvitationProblem = "invalid" | "revoked" | "used" | "expired";

export const INVITATION_PROBLEMS: Record<InvitationProblem, string> = {
  invalid: "This invitation link is not valid. Check that you copied the whole link.",
  revoked: "This invitation was revoked. Ask an administrator of the organization for a new one.",
  used: "This invitation link has already been used. Each link works once; sign in instead, or ask for a new invitation.",
  expired: "This invitation link has expired. Ask an administrator of the organization for a new one.",
};

export class InvitationError extends Error {
  constructor(readonly problem: InvitationProblem) {
    super(INVITATION_PROBLEMS[problem]);
  }
}

/** What the invitation page shows before anyone accepts; never reveals more than the token holder may know. */
export async function describeInvitation(client: Db, token: string, now = new Date()) {
  const inv = await client.invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { organization: { select: { id: true, slug: true, name: true, ssoConnections: { where: { enforced: true }, select: { id: true } } } } },
  });
  if (!inv) return { ok: false as const, problem: "invalid" as const };
  const problem: InvitationProblem | null = inv.revokedAt ? "revoked" : inv.acceptedAt ? "used" : inv.expiresAt <= now ? "expired" : null;
  if (problem) return { ok: false as const, problem };
  // The page tells an existing account to sign in first: the link alone never signs anyone into one.
  const hasAccount = (await client.user.count({ where: { email: inv.email } })) > 0;
  return {
    hasAccount,
    ok: true as const,
    email: inv.email,
    role: inv.role,
    expiresAt: inv.expiresAt,
    org: { id: inv.organization.id, slug: inv.organization.slug, name: inv.organization.name },
    ssoEnforced: inv.organization.ssoConnections.length > 0,
  };
}

/**
 * Who redeems an invitation: the signed-in user (through the sign-in method of their session), who
 * must be the invited email, or a brand-new account for the invited email. Never an existing account
 * without its own sign-in: the link may have been seen by the inviter.
 */
export type Redeemer = { user: { id: string; email: string }; provider: string } | { newAccount: true };

export const accountExistsMessage = (email: string) =>
  `An account for ${email} already exists. Sign in the way you usually do, then open this link again to accept.`;

/**
 * Redeems the token exactly once: the conditional update is the single-use guarantee, so two
 * simultaneous accepts cannot both succeed. Adds the membership, creating the account when the
 * invitation creates one.
 */
export async function redeemInvitation(tx: Db, token: string, redeemer: Redeemer, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const described = await describeInvitation(tx, token, now);
  if (!described.ok) throw new InvitationError(described.problem);
  if ("user" in redeemer && redeemer.user.email !== described.email) {
    throw new ActionError(403, `This invitation is for ${described.email}; you are signed in as ${redeemer.user.email}.`);
  }
  if ("newAccount" in redeemer && (await tx.user.findUnique({ where: { email: described.email }, select: { id: true } }))) {
    throw new ActionError(409, accountExistsMessage(described.email));
  }
  const joining = { userId: "user" in redeemer ? redeemer.user.id : null, joiningOrganizationId: described.org.id };
  if (await ssoEnforcementRefuses(tx, joining, "user" in redeemer ? redeemer.provider : INVITATION_PROVIDER_ID)) {
    throw new ActionError(403, `${described.org.name} requires single sign-on: sign in with SSO as ${described.email}, then open this link again.`);
  }
  const claimed = await tx.invitation.updateMany({
    where: { tokenHash: sha256Hex(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (claimed.count !== 1) throw new InvitationError("used");
  const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: sha256Hex(token) } });
  const user = "user" in redeemer ? redeemer.user : await tx.user.create({ data: { email: invitation.email }, select: { id: true, email: true } });
  // Someone who joined through SSO (default role) before accepting gets the role they were invited
  // with; an owner is never demoted by an invitation.
  const existing = await tx.membership.findUnique({ where: { userId_organizationId: { userId: user.id, organizationId: invitation.organizationId } } });
  if (!existing) await tx.membership.create({ data: { userId: user.id, organizationId: invitation.organizationId, role: invitation.role } });
  else if (existing.role !== "owner") await tx.membership.update({ where: { id: existing.id }, data: { role: invitation.role } });
  return { user: { id: user.id, email: user.email }, invitation, org: described.org };
}

export async function listInvitations(client: Db, organizationId: string, now = new Date()) {
  const rows = await client.invitation.findMany({
    where: { organizationId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, expired: r.expiresAt <= now }));
}
