import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { activeSession, openSession } from "./sessions";
import { signInDirect, signInThroughOrgSso, type SignInIdentity } from "./sign-in";

const database = setupTestDatabase();
const ACME_ISSUER = "https://idp.acme.test";
const INSTANCE_ISSUER = "https://login.instance.test";
let orgId: string;
let connectionId: string;
let evilConnectionId: string;

beforeAll(async () => {
  process.env.AUTH_OIDC_ISSUER = `${INSTANCE_ISSUER}/`;
  process.env.AUTH_OIDC_CLIENT_ID = "lp";
  process.env.AUTH_OIDC_CLIENT_SECRET = "s";
  const org = await database.prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
  orgId = org.id;
  const conn = await database.prisma.ssoConnection.create({
    data: { organizationId: org.id, issuer: `${ACME_ISSUER}/`, clientId: "c", clientSecretEncrypted: "v1:x:y:z", defaultRole: "deployer" },
  });
  await database.prisma.ssoDomain.create({
    data: { organizationId: org.id, domain: "acme.test", challengeToken: "t", verifiedAt: new Date(), verifiedDomain: "acme.test" },
  });
  connectionId = conn.id;
  // An attacker's organization whose connection claims the victim's domain and points at an IdP it runs.
  const evil = await database.prisma.organization.create({ data: { slug: "evil", name: "Evil" } });
  evilConnectionId = (
    await database.prisma.ssoConnection.create({
      data: { organizationId: evil.id, issuer: "https://idp.evil.test", clientId: "c", clientSecretEncrypted: "v1:x:y:z", defaultRole: "owner" },
    })
  ).id;
  await database.prisma.ssoDomain.create({ data: { organizationId: evil.id, domain: "acme.test", challengeToken: "t2" } });
});

afterAll(() => {
  delete process.env.AUTH_OIDC_ISSUER;
  delete process.env.AUTH_OIDC_CLIENT_ID;
  delete process.env.AUTH_OIDC_CLIENT_SECRET;
});

const who = (email: string, over: Partial<SignInIdentity> = {}): SignInIdentity => ({
  email,
  emailVerified: true,
  name: "Pat",
  provider: `sso-${connectionId}`,
  providerAccountId: `sub-${email}`,
  ...over,
});

describe("organization SSO sign-in", () => {
  it("adds a person of an allowed domain with the default role and links the identity by (the connection's issuer, subject)", async () => {
    const r = await signInThroughOrgSso(database.prisma, connectionId, who("pat@acme.test"));
    expect(r.ok).toBe(true);
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "pat@acme.test" }, include: { memberships: true, identities: true } });
    expect(user.memberships).toMatchObject([{ organizationId: orgId, role: "deployer" }]);
    expect(user.identities).toMatchObject([{ issuer: ACME_ISSUER, subject: "sub-pat@acme.test", email: "pat@acme.test" }]);
  });

  it("keeps an existing member's role on later sign-ins", async () => {
    await database.prisma.membership.updateMany({ where: { user: { email: "pat@acme.test" } }, data: { role: "admin" } });
    await signInThroughOrgSso(database.prisma, connectionId, who("pat@acme.test"));
    expect((await database.prisma.membership.findFirstOrThrow({ where: { user: { email: "pat@acme.test" } } })).role).toBe("admin");
  });

  it("finds the user by (issuer, subject), not by the email the IdP sends today", async () => {
    const pat = await database.prisma.user.findUniqueOrThrow({ where: { email: "pat@acme.test" } });
    const r = await signInThroughOrgSso(database.prisma, connectionId, who("pat.renamed@acme.test", { providerAccountId: "sub-pat@acme.test" }));
    expect(r).toEqual({ ok: true, userId: pat.id });
    expect(await database.prisma.user.count({ where: { email: "pat.renamed@acme.test" } })).toBe(0);
  });

  it("refuses other domains and creates nothing", async () => {
    expect(await signInThroughOrgSso(database.prisma, connectionId, who("eve@evil.test"))).toEqual({ ok: false, reason: "DomainNotAllowed" });
    expect(await database.prisma.user.count({ where: { email: "eve@evil.test" } })).toBe(0);
  });

  it("refuses an identity without an email", async () => {
    expect(await signInThroughOrgSso(database.prisma, connectionId, who(""))).toEqual({ ok: false, reason: "NoEmail" });
  });

  it("refuses an email the IdP did not verify (email_verified not true) and creates nothing", async () => {
    const r = await signInThroughOrgSso(database.prisma, connectionId, who("unverified@acme.test", { emailVerified: false }));
    expect(r).toEqual({ ok: false, reason: "EmailNotVerified" });
    expect(await database.prisma.user.count({ where: { email: "unverified@acme.test" } })).toBe(0);
  });

  it("attack: another organization's IdP asserting an existing person's email (its domain claimed, not proven) gets no session as them and links nothing", async () => {
    const victim = await database.prisma.user.findUniqueOrThrow({ where: { email: "pat@acme.test" } });
    const r = await signInThroughOrgSso(database.prisma, evilConnectionId, who("pat@acme.test", { provider: `sso-${evilConnectionId}`, providerAccountId: "attacker" }));
    expect(r).toEqual({ ok: false, reason: "DomainNotAllowed" });
    expect(await database.prisma.identity.count({ where: { userId: victim.id } })).toBe(1);
    expect(await database.prisma.membership.count({ where: { userId: victim.id } })).toBe(1);
  });
});

describe("direct sign-in (instance IdP, development login)", () => {
  it("creates the account with an identity of the instance IdP's issuer but joins no organization", async () => {
    const r = await signInDirect(database.prisma, { email: "solo@elsewhere.test", emailVerified: true, provider: "oidc", providerAccountId: "s1" });
    expect(r.ok).toBe(true);
    expect(await database.prisma.membership.count({ where: { user: { email: "solo@elsewhere.test" } } })).toBe(0);
    expect(await database.prisma.identity.findFirstOrThrow({ where: { user: { email: "solo@elsewhere.test" } } })).toMatchObject({ issuer: INSTANCE_ISSUER, subject: "s1" });
  });

  it("attack: the development login or the instance IdP naming an existing person's email is refused (IdentityNotLinked)", async () => {
    expect(await signInDirect(database.prisma, { email: "solo@elsewhere.test", emailVerified: true, provider: "dev", providerAccountId: "solo@elsewhere.test" })).toEqual({
      ok: false,
      reason: "IdentityNotLinked",
    });
    expect(await signInDirect(database.prisma, { email: "pat@acme.test", emailVerified: true, provider: "oidc", providerAccountId: "other" })).toEqual({
      ok: false,
      reason: "IdentityNotLinked",
    });
  });

  it("moves an instance IdP identity migrated with the placeholder issuer to AUTH_OIDC_ISSUER on its first sign-in", async () => {
    const old = await database.prisma.user.create({ data: { email: "old@elsewhere.test" } });
    await database.prisma.identity.create({ data: { userId: old.id, issuer: "lambdaplane:instance-oidc-pending", subject: "old-sub", email: old.email } });
    expect(await signInDirect(database.prisma, { email: old.email, emailVerified: true, provider: "oidc", providerAccountId: "old-sub" })).toEqual({ ok: true, userId: old.id });
    expect(await database.prisma.identity.findFirstOrThrow({ where: { userId: old.id } })).toMatchObject({ issuer: INSTANCE_ISSUER });
  });
});

describe("an account no identity was ever linked to (made by an invitation)", () => {
  it("is claimed by the first IdP sign-in that verifies its email, which ends every session opened on it before", async () => {
    const made = await database.prisma.user.create({ data: { email: "newcomer@elsewhere.test" } });
    // E.g. the inviter, who saw the link (no SMTP) and created the account with it.
    const squatter = await openSession(database.prisma, made.id, "invitation");
    const r = await signInDirect(database.prisma, { email: made.email, emailVerified: true, provider: "oidc", providerAccountId: "newcomer-sub" });
    expect(r).toEqual({ ok: true, userId: made.id });
    expect(await database.prisma.identity.findFirstOrThrow({ where: { userId: made.id } })).toMatchObject({ issuer: INSTANCE_ISSUER, subject: "newcomer-sub" });
    expect(await activeSession(database.prisma, squatter)).toBeNull();
    // Claimed once: another IdP identity asserting the same email is refused as for any account.
    expect(await signInDirect(database.prisma, { email: made.email, emailVerified: true, provider: "oidc", providerAccountId: "someone-else" })).toEqual({ ok: false, reason: "IdentityNotLinked" });
  });

  it("is not claimed by the development login or an unverified email", async () => {
    const made = await database.prisma.user.create({ data: { email: "later@elsewhere.test" } });
    expect(await signInDirect(database.prisma, { email: made.email, emailVerified: true, provider: "dev", providerAccountId: made.email })).toEqual({ ok: false, reason: "IdentityNotLinked" });
    expect(await signInDirect(database.prisma, { email: made.email, emailVerified: false, provider: "oidc", providerAccountId: "later-sub" })).toEqual({ ok: false, reason: "EmailNotVerified" });
    expect(await database.prisma.identity.count({ where: { userId: made.id } })).toBe(0);
  });
});

describe("linking a sign-in method while signed in", () => {
  it("attaches a new identity to the signed-in user when the IdP verified their email", async () => {
    const solo = await database.prisma.user.findUniqueOrThrow({ where: { email: "solo@elsewhere.test" } });
    const linkTo = { id: solo.id, email: solo.email };
    const r = await signInDirect(database.prisma, { email: solo.email, emailVerified: true, provider: "dev", providerAccountId: solo.email }, { linkTo });
    expect(r).toEqual({ ok: true, userId: solo.id });
    expect(await database.prisma.identity.count({ where: { userId: solo.id } })).toBe(2);
  });

  it("refuses an identity whose verified email is not the user's, or that belongs to someone else", async () => {
    const solo = await database.prisma.user.findUniqueOrThrow({ where: { email: "solo@elsewhere.test" } });
    const linkTo = { id: solo.id, email: solo.email };
    expect(await signInThroughOrgSso(database.prisma, connectionId, who("new@acme.test"), { linkTo })).toEqual({ ok: false, reason: "LinkEmailMismatch" });
    expect(await signInThroughOrgSso(database.prisma, connectionId, who("pat@acme.test", { providerAccountId: "sub-pat@acme.test" }), { linkTo })).toEqual({
      ok: false,
      reason: "IdentityLinkedElsewhere",
    });
    expect(await database.prisma.identity.count({ where: { userId: solo.id } })).toBe(2);
  });
});
