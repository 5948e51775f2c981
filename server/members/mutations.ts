import "server-only";
import type { Db } from "@/server/db/types";
import { ActionError, forbidden, notFound } from "@/server/auth/errors";
import { can, type Role } from "@/lib/auth/permissions";

async function loadMember(tx: Db, organizationId: string, membershipId: string) {
  const m = await tx.membership.findFirst({
    where: { id: membershipId, organizationId },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
  if (!m) throw notFound("Member not found.");
  return m;
}

// Locks the organization's owner rows so two concurrent demotions cannot both see "another owner
// remains" and leave the organization with none.
async function lockedOwnerCount(tx: Db, organizationId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "organizationId" = ${organizationId} AND role = 'owner' FOR UPDATE`;
  return rows.length;
}

function assertMayTouch(actorRole: Role, targetRole: Role, newRole?: Role) {
  if ((targetRole === "owner" || newRole === "owner") && actorRole !== "owner") {
    throw forbidden("Only an owner can grant, change or remove the owner role.");
  }
}

// An invitation speaks for the person who issued it: once they may no longer invite (removed, or
// demoted below member:manage), their still-open links stop working too, in the same transaction.
async function revokeInvitationsBy(tx: Db, organizationId: string, userId: string): Promise<number> {
  const revoked = await tx.invitation.updateMany({
    where: { organizationId, invitedById: userId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return revoked.count;
}

export async function changeMemberRole(tx: Db, organizationId: string, actorRole: Role, membershipId: string, role: Role) {
  const member = await loadMember(tx, organizationId, membershipId);
  assertMayTouch(actorRole, member.role, role);
  if (member.role === "owner" && role !== "owner" && (await lockedOwnerCount(tx, organizationId)) <= 1) {
    throw new ActionError(409, "This is the last owner: make someone else an owner first.", { role: "The last owner cannot be demoted." });
  }
  await tx.membership.update({ where: { id: member.id }, data: { role } });
  const losesInvite = can(member.role, "member:manage") && !can(role, "member:manage");
  const revokedInvitations = losesInvite ? await revokeInvitationsBy(tx, organizationId, member.userId) : 0;
  return { email: member.user.email, before: member.role, after: role, revokedInvitations };
}

export async function removeMember(tx: Db, organizationId: string, actorRole: Role, membershipId: string) {
  const member = await loadMember(tx, organizationId, membershipId);
  assertMayTouch(actorRole, member.role);
  if (member.role === "owner" && (await lockedOwnerCount(tx, organizationId)) <= 1) {
    throw new ActionError(409, "This is the last owner: make someone else an owner first.");
  }
  await tx.membership.delete({ where: { id: member.id } });
  // For good: a later re-invitation must not bring the departed member's tokens back to life.
  const revoked = await tx.apiToken.updateMany({
    where: { organizationId, createdById: member.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const revokedInvitations = await revokeInvitationsBy(tx, organizationId, member.userId);
  return { email: member.user.email, role: member.role, revokedApiTokens: revoked.count, revokedInvitations };
}

export async function listMembers(client: Db, organizationId: string) {
  return client.membership.findMany({
    where: { organizationId },
    orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
}
