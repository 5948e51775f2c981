import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { authenticateApiToken } from "@/server/api/authenticate";
import { createApiToken } from "@/server/actions/tokens/create-api-token";
import { inviteMember } from "@/server/actions/invitations/invite-member";
import { acceptInvitation } from "@/server/actions/invitations/accept-invitation";
import { changeMemberRole } from "./change-member-role";
import { removeMember } from "./remove-member";

const database = setupTestDatabase();
let org: { id: string; slug: string };
const people: Record<string, { id: string; email: string; membershipId: string }> = {};

beforeAll(async () => {
  const p = database.prisma;
  org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
  for (const [key, role] of [["owner", "owner"], ["admin", "admin"], ["viewer", "viewer"]] as const) {
    const user = await p.user.create({ data: { email: `${key}@acme.test` } });
    const m = await p.membership.create({ data: { userId: user.id, organizationId: org.id, role } });
    people[key] = { id: user.id, email: user.email, membershipId: m.id };
  }
});

const roleOf = async (key: string) => (await database.prisma.membership.findUniqueOrThrow({ where: { id: people[key].membershipId } })).role;

describe("member management", () => {
  it("refuses to demote or remove the last owner", async () => {
    const demote = await asUser(people.owner, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.owner.membershipId, role: "admin" }));
    expect(demote).toMatchObject({ ok: false, status: 409 });
    const remove = await asUser(people.owner, () => removeMember({ orgSlug: org.slug, membershipId: people.owner.membershipId }));
    expect(remove).toMatchObject({ ok: false, status: 409 });
    expect(await roleOf("owner")).toBe("owner");
  });

  it("keeps the owner role for owners: an admin can neither grant it nor touch an owner", async () => {
    expect(await asUser(people.admin, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.viewer.membershipId, role: "owner" }))).toMatchObject({ ok: false, status: 403 });
    expect(await asUser(people.admin, () => removeMember({ orgSlug: org.slug, membershipId: people.owner.membershipId }))).toMatchObject({ ok: false, status: 403 });
    expect(await roleOf("viewer")).toBe("viewer");
  });

  it("lets an admin change a viewer's role, audited with before and after", async () => {
    const r = await asUser(people.admin, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.viewer.membershipId, role: "deployer" }));
    expect(r).toEqual({ ok: true, data: { role: "deployer" } });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "member.change_role" } });
    expect(audit).toMatchObject({ actorEmail: people.admin.email, before: { email: people.viewer.email, role: "viewer" }, after: { email: people.viewer.email, role: "deployer" } });
  });

  it("with a second owner, the first may step down", async () => {
    expect(await asUser(people.owner, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.admin.membershipId, role: "owner" }))).toMatchObject({ ok: true });
    expect(await asUser(people.owner, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.owner.membershipId, role: "admin" }))).toMatchObject({ ok: true });
    expect(await roleOf("owner")).toBe("admin");
  });

  it("refuses a viewer (403) and validates the role name", async () => {
    expect(await asUser(people.viewer, () => removeMember({ orgSlug: org.slug, membershipId: people.admin.membershipId }))).toMatchObject({ ok: false });
    const bad = await asUser(people.admin, () => changeMemberRole({ orgSlug: org.slug, membershipId: people.viewer.membershipId, role: "superuser" }));
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect(bad.ok ? "" : bad.fieldErrors?.role).toMatch(/owner|admin|deployer|editor|viewer/);
  });

  it("removing an admin revokes their API tokens in that organization for good: a re-invitation does not bring them back; audited", async () => {
    const leaver = await database.prisma.user.create({ data: { email: "leaver@acme.test" } });
    const m = await database.prisma.membership.create({ data: { userId: leaver.id, organizationId: org.id, role: "admin" } });
    const minted = await asUser(leaver, () => createApiToken({ orgSlug: org.slug, name: "ci", scopes: ["admin"], expiresInDays: 30 }));
    if (!minted.ok) throw new Error(minted.error);
    const bearer = `Bearer ${minted.data.token}`;
    expect(await authenticateApiToken(database.prisma, bearer)).toMatchObject({ ok: true });

    expect(await asUser(people.admin, () => removeMember({ orgSlug: org.slug, membershipId: m.id }))).toMatchObject({ ok: true });
    const row = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: minted.data.id } });
    expect(row.revokedAt).not.toBeNull();
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "member.remove", targetId: m.id } });
    expect(audit.before).toMatchObject({ email: leaver.email, role: "admin", revokedApiTokens: 1 });

    const invited = await asUser(people.admin, () => inviteMember({ orgSlug: org.slug, email: leaver.email, role: "admin" }));
    if (!invited.ok) throw new Error(invited.error);
    const token = invited.data.link!.split("/invite/")[1];
    expect(await asUser(leaver, () => acceptInvitation({ token }))).toMatchObject({ ok: true });
    expect(await authenticateApiToken(database.prisma, bearer)).toMatchObject({ ok: false, error: expect.stringMatching(/was revoked/) });
  });

  describe("invitations issued by an admin who may no longer invite", () => {
    const week = () => new Date(Date.now() + 7 * 24 * 3600 * 1000);
    async function adminWithInvitations(email: string) {
      const user = await database.prisma.user.create({ data: { email } });
      const m = await database.prisma.membership.create({ data: { userId: user.id, organizationId: org.id, role: "admin" } });
      const invite = async (to: string) => {
        const r = await asUser(user, () => inviteMember({ orgSlug: org.slug, email: to, role: "viewer" }));
        if (!r.ok) throw new Error(r.error);
        return database.prisma.invitation.findFirstOrThrow({ where: { organizationId: org.id, email: to, revokedAt: null } });
      };
      return { user, membershipId: m.id, open: [await invite(`a-${email}`), await invite(`b-${email}`)] };
    }
    const boss = async () => {
      const user = await database.prisma.user.create({ data: { email: "boss@acme.test" } });
      await database.prisma.membership.create({ data: { userId: user.id, organizationId: org.id, role: "owner" } });
      return user;
    };
    const revokedAt = async (id: string) => (await database.prisma.invitation.findUniqueOrThrow({ where: { id } })).revokedAt;

    it("are revoked when the admin is removed, audited; other admins' and accepted ones are left alone", async () => {
      const leaver = await adminWithInvitations("inviter@acme.test");
      const accepted = await database.prisma.invitation.create({
        data: { organizationId: org.id, email: "joined@acme.test", role: "viewer", tokenHash: "accepted-hash", expiresAt: week(), acceptedAt: new Date(), invitedById: leaver.user.id },
      });
      const others = await asUser(people.admin, () => inviteMember({ orgSlug: org.slug, email: "kept@acme.test", role: "viewer" }));
      if (!others.ok) throw new Error(others.error);

      expect(await asUser(people.admin, () => removeMember({ orgSlug: org.slug, membershipId: leaver.membershipId }))).toMatchObject({ ok: true });
      for (const inv of leaver.open) expect(await revokedAt(inv.id)).not.toBeNull();
      expect(await revokedAt(accepted.id)).toBeNull();
      expect(await database.prisma.invitation.findFirstOrThrow({ where: { email: "kept@acme.test" } })).toMatchObject({ revokedAt: null });
      const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "member.remove", targetId: leaver.membershipId } });
      expect(audit.before).toMatchObject({ email: leaver.user.email, revokedInvitations: 2 });
    });

    it("are revoked when the admin is demoted below member:manage, audited, and kept when the new role may still invite", async () => {
      const owner = await boss();
      const promoted = await adminWithInvitations("promoted@acme.test");
      const promotion = await asUser(owner, () => changeMemberRole({ orgSlug: org.slug, membershipId: promoted.membershipId, role: "owner" }));
      expect(promotion).toMatchObject({ ok: true });
      for (const inv of promoted.open) expect(await revokedAt(inv.id)).toBeNull();

      const demoted = await adminWithInvitations("demoted@acme.test");
      expect(await asUser(owner, () => changeMemberRole({ orgSlug: org.slug, membershipId: demoted.membershipId, role: "editor" }))).toMatchObject({ ok: true });
      for (const inv of demoted.open) expect(await revokedAt(inv.id)).not.toBeNull();
      const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "member.change_role", targetId: demoted.membershipId } });
      expect(audit.after).toEqual({ email: demoted.user.email, role: "editor", revokedInvitations: 2 });
    });
  });
});
