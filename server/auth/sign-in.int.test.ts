import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { signInDirect, signInThroughOrgSso } from "./sign-in";

const database = setupTestDatabase();
let orgId: string;
let connectionId: string;

beforeAll(async () => {
  const org = await database.prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
  orgId = org.id;
  const conn = await database.prisma.ssoConnection.create({
    data: { organizationId: org.id, issuer: "https://idp.acme.test", clientId: "c", clientSecretEncrypted: "v1:x:y:z", defaultRole: "deployer" },
  });
  await database.prisma.ssoDomain.create({
    data: { organizationId: org.id, domain: "acme.test", challengeToken: "t", verifiedAt: new Date(), verifiedDomain: "acme.test" },
  });
  connectionId = conn.id;
});

const who = (email: string) => ({ email, name: "Pat", provider: `sso-${connectionId}`, providerAccountId: `sub-${email}` });

describe("organization SSO sign-in", () => {
  it("adds a person of an allowed domain with the default role and links the account", async () => {
    const r = await signInThroughOrgSso(database.prisma, connectionId, who("pat@acme.test"));
    expect(r.ok).toBe(true);
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "pat@acme.test" }, include: { memberships: true, accounts: true } });
    expect(user.memberships).toMatchObject([{ organizationId: orgId, role: "deployer" }]);
    expect(user.accounts).toMatchObject([{ provider: `sso-${connectionId}`, providerAccountId: "sub-pat@acme.test" }]);
  });

  it("keeps an existing member's role on later sign-ins", async () => {
    await database.prisma.membership.updateMany({ where: { user: { email: "pat@acme.test" } }, data: { role: "admin" } });
    await signInThroughOrgSso(database.prisma, connectionId, who("pat@acme.test"));
    expect((await database.prisma.membership.findFirstOrThrow({ where: { user: { email: "pat@acme.test" } } })).role).toBe("admin");
  });

  it("refuses other domains and creates nothing", async () => {
    expect(await signInThroughOrgSso(database.prisma, connectionId, who("eve@evil.test"))).toEqual({ ok: false, reason: "DomainNotAllowed" });
    expect(await database.prisma.user.count({ where: { email: "eve@evil.test" } })).toBe(0);
  });

  it("refuses an identity without an email", async () => {
    expect(await signInThroughOrgSso(database.prisma, connectionId, who(""))).toEqual({ ok: false, reason: "NoEmail" });
  });
});

describe("direct sign-in (instance IdP, development login)", () => {
  it("creates the account but joins no organization", async () => {
    const r = await signInDirect(database.prisma, { email: "solo@elsewhere.test", provider: "oidc", providerAccountId: "s1" });
    expect(r.ok).toBe(true);
    expect(await database.prisma.membership.count({ where: { user: { email: "solo@elsewhere.test" } } })).toBe(0);
  });
});
