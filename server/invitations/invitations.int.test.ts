import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { inviteMember } from "@/server/actions/invitations/invite-member";
import { revokeInvitation } from "@/server/actions/invitations/revoke-invitation";
import { acceptInvitation } from "@/server/actions/invitations/accept-invitation";
import { INVITATION_PROBLEMS, describeInvitation, redeemInvitation } from "./mutations";

const database = setupTestDatabase();
let org: { id: string; slug: string };
let owner: { id: string; email: string };
let admin: { id: string; email: string };

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = "1".repeat(64);
  const p = database.prisma;
  org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
  owner = await p.user.create({ data: { email: "owner@acme.test", memberships: { create: { organizationId: org.id, role: "owner" } } } });
  admin = await p.user.create({ data: { email: "admin@acme.test", memberships: { create: { organizationId: org.id, role: "admin" } } } });
});

async function invite(email: string, role: "deployer" | "owner" | "viewer" = "deployer", by = owner) {
  const r = await asUser(by, () => inviteMember({ orgSlug: org.slug, email, role }));
  if (!r.ok) throw new Error(r.error);
  return { ...r.data, token: r.data.link!.split("/invite/")[1] };
}

describe("invitations", () => {
  it("stores only the token's hash and shows the link once when no SMTP is configured", async () => {
    const inv = await invite("dev@acme.test");
    expect(inv.emailed).toBe(false);
    expect(inv.link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const row = await database.prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).not.toContain(inv.token);
    expect(JSON.stringify(await database.prisma.auditEvent.findMany({ where: { action: "invitation.create" }, select: { before: true, after: true } }))).not.toContain(inv.token);
  });

  it("accepting adds the person with the invited role, once", async () => {
    const inv = await invite("pat@elsewhere.test", "deployer");
    const r = await database.prisma.$transaction((tx) => redeemInvitation(tx, inv.token));
    expect(r.org.slug).toBe("acme");
    const m = await database.prisma.membership.findFirstOrThrow({ where: { user: { email: "pat@elsewhere.test" }, organizationId: org.id } });
    expect(m.role).toBe("deployer");
    await expect(database.prisma.$transaction((tx) => redeemInvitation(tx, inv.token))).rejects.toThrow(INVITATION_PROBLEMS.used);
  });

  it("two simultaneous accepts of one link: exactly one succeeds", async () => {
    const inv = await invite("race@acme.test");
    const results = await Promise.allSettled([1, 2].map(() => database.prisma.$transaction((tx) => redeemInvitation(tx, inv.token))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses expired, revoked and unknown links with a clear message", async () => {
    const expired = await invite("late@acme.test");
    await database.prisma.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE id = ${expired.id}`;
    expect(await describeInvitation(database.prisma, expired.token)).toEqual({ ok: false, problem: "expired" });

    const revoked = await invite("gone@acme.test");
    expect((await asUser(admin, () => revokeInvitation({ orgSlug: org.slug, invitationId: revoked.id }))).ok).toBe(true);
    await expect(database.prisma.$transaction((tx) => redeemInvitation(tx, revoked.token))).rejects.toThrow(INVITATION_PROBLEMS.revoked);

    expect(await describeInvitation(database.prisma, "not-a-token")).toEqual({ ok: false, problem: "invalid" });
  });

  it("refuses inviting an existing member, and an admin inviting an owner", async () => {
    expect(await asUser(owner, () => inviteMember({ orgSlug: org.slug, email: admin.email, role: "viewer" }))).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { email: "admin@acme.test is already a member of this organization." },
    });
    expect(await asUser(admin, () => inviteMember({ orgSlug: org.slug, email: "boss@acme.test", role: "owner" }))).toMatchObject({ ok: false, status: 403 });
  });

  it("a signed-in person accepts only an invitation addressed to them", async () => {
    const inv = await invite("sam@acme.test", "viewer");
    const stranger = await database.prisma.user.create({ data: { email: "someone@acme.test" } });
    expect(await asUser(stranger, () => acceptInvitation({ token: inv.token }))).toMatchObject({ ok: false, status: 403 });
    const sam = await database.prisma.user.create({ data: { email: "sam@acme.test" } });
    expect(await asUser(sam, () => acceptInvitation({ token: inv.token }))).toEqual({ ok: true, data: { orgSlug: "acme" } });
    expect(await database.prisma.auditEvent.count({ where: { action: "invitation.accept", actorEmail: "sam@acme.test" } })).toBe(1);
  });
});
