import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser, sessionCookie } from "@/server/actions/test-session";
import { authOptions } from "@/server/auth/options";
import { withRequestHeaders } from "@/server/auth/request-context";
import { encryptSecret } from "@/server/crypto";
import { inviteMember } from "@/server/actions/invitations/invite-member";
import { revokeInvitation } from "@/server/actions/invitations/revoke-invitation";
import { acceptInvitation } from "@/server/actions/invitations/accept-invitation";
import { TENANT_LIMITS } from "@/server/tenant-limits";
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

/** The `invitation` sign-in provider exactly as the auth route builds it. */
async function invitationProvider() {
  type Credentials = { options: { id: string; authorize: (credentials: Record<string, string>) => Promise<unknown> } };
  const providers = (await authOptions()).providers as unknown as Credentials[];
  return providers.find((p) => p.options?.id === "invitation")!;
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

  it("accepting creates the invited email's new account with the invited role, once", async () => {
    const inv = await invite("pat@elsewhere.test", "deployer");
    const r = await database.prisma.$transaction((tx) => redeemInvitation(tx, inv.token, { newAccount: true }));
    expect(r.org.slug).toBe("acme");
    const m = await database.prisma.membership.findFirstOrThrow({ where: { user: { email: "pat@elsewhere.test" }, organizationId: org.id } });
    expect(m.role).toBe("deployer");
    await expect(database.prisma.$transaction((tx) => redeemInvitation(tx, inv.token, { newAccount: true }))).rejects.toThrow(INVITATION_PROBLEMS.used);
  });

  it("two simultaneous accepts of one link: exactly one succeeds", async () => {
    const inv = await invite("race@acme.test");
    const results = await Promise.allSettled([1, 2].map(() => database.prisma.$transaction((tx) => redeemInvitation(tx, inv.token, { newAccount: true }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses expired, revoked and unknown links with a clear message", async () => {
    const expired = await invite("late@acme.test");
    await database.prisma.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE id = ${expired.id}`;
    expect(await describeInvitation(database.prisma, expired.token)).toEqual({ ok: false, problem: "expired" });

    const revoked = await invite("gone@acme.test");
    expect((await asUser(admin, () => revokeInvitation({ orgSlug: org.slug, invitationId: revoked.id }))).ok).toBe(true);
    await expect(database.prisma.$transaction((tx) => redeemInvitation(tx, revoked.token, { newAccount: true }))).rejects.toThrow(INVITATION_PROBLEMS.revoked);

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

  it("attack: an invitation to an existing person's email never signs the inviter in as them", async () => {
    // The victim already has an account (and an owner membership elsewhere); the attacker owns Acme
    // and, without SMTP, sees the link of the invitation it sends to the victim's address.
    const victim = await database.prisma.user.create({ data: { email: "victim@bank.test" } });
    const bank = await database.prisma.organization.create({ data: { slug: "bank", name: "Bank" } });
    await database.prisma.membership.create({ data: { userId: victim.id, organizationId: bank.id, role: "owner" } });
    const inv = await invite(victim.email, "viewer");

    const invitation = await invitationProvider();
    await expect(invitation.options.authorize({ token: inv.token })).rejects.toThrow(
      "An account for victim@bank.test already exists. Sign in the way you usually do, then open this link again to accept.",
    );
    const row = await database.prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.acceptedAt).toBeNull();
    expect(await database.prisma.membership.count({ where: { userId: victim.id } })).toBe(1);

    // The victim, signed in their usual way, can still accept it.
    expect(await asUser(victim, () => acceptInvitation({ token: inv.token }))).toEqual({ ok: true, data: { orgSlug: "acme" } });
  });

  it("a brand-new account made through an invitation is the invited email and nothing else", async () => {
    const inv = await invite("fresh@partner.test", "deployer");
    const invitation = await invitationProvider();
    const user = (await invitation.options.authorize({ token: inv.token, email: "someone.else@bank.test" })) as { id: string; email: string };
    expect(user.email).toBe("fresh@partner.test");
    expect(await database.prisma.membership.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ organizationId: org.id, role: "deployer" });
    expect(await database.prisma.user.count({ where: { email: "someone.else@bank.test" } })).toBe(0);
  });

  it("enforced SSO: an invitation into an organization that enforces it neither creates an account nor is accepted from a session opened another way", async () => {
    const conn = await database.prisma.ssoConnection.create({
      data: { organizationId: org.id, issuer: "https://idp.acme.test", clientId: "c", clientSecretEncrypted: encryptSecret("s"), enforced: true },
    });
    try {
      const inv = await invite("strict@acme.test", "viewer");
      const invitation = await invitationProvider();
      await expect(invitation.options.authorize({ token: inv.token })).rejects.toThrow(/Acme requires single sign-on/);
      expect(await database.prisma.user.count({ where: { email: "strict@acme.test" } })).toBe(0);

      const strict = await database.prisma.user.create({ data: { email: "strict@acme.test" } });
      const viaDevLogin = new Headers({ cookie: await sessionCookie(strict, "dev") });
      expect(await withRequestHeaders(viaDevLogin, () => acceptInvitation({ token: inv.token }))).toMatchObject({ ok: false, status: 403 });
      const viaSso = new Headers({ cookie: await sessionCookie(strict, `sso-${conn.id}`) });
      expect(await withRequestHeaders(viaSso, () => acceptInvitation({ token: inv.token }))).toMatchObject({ ok: true });
    } finally {
      await database.prisma.ssoConnection.delete({ where: { id: conn.id } });
    }
  });

  it("bounded: open invitations per organization are capped, and long-closed ones are dropped", async () => {
    const p = database.prisma;
    const other = await p.organization.create({ data: { slug: "bounded", name: "Bounded" } });
    const boss = await p.user.create({ data: { email: "boss@bounded.test", memberships: { create: { organizationId: other.id, role: "owner" } } } });
    const limit = TENANT_LIMITS.openInvitationsPerOrganization;
    const week = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    await p.invitation.createMany({
      data: Array.from({ length: limit }, (_, i) => ({ organizationId: other.id, email: `p${i}@bounded.test`, role: "viewer" as const, tokenHash: `h-${i}`, expiresAt: week })),
    });
    const refused = await asUser(boss, () => inviteMember({ orgSlug: other.slug, email: "one-more@bounded.test", role: "viewer" }));
    expect(refused).toMatchObject({ ok: false, status: 400, fieldErrors: { email: `at most ${limit} open invitations per organization (revoke unused ones)` } });
    expect(await p.invitation.count({ where: { organizationId: other.id } })).toBe(limit);

    // Re-inviting someone already invited replaces their invitation, so it never needs room.
    expect((await asUser(boss, () => inviteMember({ orgSlug: other.slug, email: "p0@bounded.test", role: "viewer" }))).ok).toBe(true);

    await p.$executeRaw`UPDATE "Invitation" SET "revokedAt" = now() - interval '100 days' WHERE "organizationId" = ${other.id} AND email IN ('p1@bounded.test', 'p2@bounded.test')`;
    await p.$executeRaw`UPDATE "Invitation" SET "revokedAt" = now() - interval '10 days' WHERE "organizationId" = ${other.id} AND email = 'p3@bounded.test'`;
    expect((await asUser(boss, () => inviteMember({ orgSlug: other.slug, email: "one-more@bounded.test", role: "viewer" }))).ok).toBe(true);
    const left = await p.invitation.findMany({ where: { organizationId: other.id, email: { in: ["p1@bounded.test", "p2@bounded.test", "p3@bounded.test"] } }, select: { email: true } });
    expect(left.map((r) => r.email)).toEqual(["p3@bounded.test"]);
    // Other organizations' closed invitations are not touched.
    expect(await p.invitation.count({ where: { organizationId: org.id } })).toBeGreaterThan(0);
  });

  it("bounded: an organization sends at most its budget of invitation e-mails through the operator's mail server", async () => {
    process.env.LAMBDAPLANE_RATE_LIMITS = "invitationEmail=2/3600";
    // A relay the outbound guard refuses (loopback): each message fails fast and its invitation is revoked, but it counts.
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      const p = database.prisma;
      const spammy = await p.organization.create({ data: { slug: "spammy", name: "Free prizes" } });
      const boss = await p.user.create({ data: { email: "boss@spammy.test", memberships: { create: { organizationId: spammy.id, role: "owner" } } } });
      const send = (i: number) => asUser(boss, () => inviteMember({ orgSlug: spammy.slug, email: `target${i}@example.com`, role: "viewer" }));
      expect(await send(1)).toMatchObject({ ok: false, status: 400 });
      expect(await send(2)).toMatchObject({ ok: false, status: 400 });
      expect(await send(3)).toMatchObject({ ok: false, status: 429, error: expect.stringMatching(/^Too many invitation e-mails sent from this organization \(at most 2 in 60 minutes\)/) });
      expect(await p.invitation.count({ where: { organizationId: spammy.id } })).toBe(2);
      // Another organization's budget is its own.
      expect(await asUser(owner, () => inviteMember({ orgSlug: org.slug, email: "another@example.com", role: "viewer" }))).toMatchObject({ ok: false, status: 400 });
      // Without SMTP there is no message, and no budget to spend.
      delete process.env.SMTP_URL;
      expect((await send(4)).ok).toBe(true);
    } finally {
      delete process.env.LAMBDAPLANE_RATE_LIMITS;
      delete process.env.SMTP_URL;
    }
  });
});
