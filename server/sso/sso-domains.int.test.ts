import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { addSsoDomain } from "@/server/actions/sso/add-sso-domain";
import { removeSsoDomain } from "@/server/actions/sso/remove-sso-domain";
import { verifySsoDomain } from "@/server/actions/sso/verify-sso-domain";
import { signInThroughOrgSso } from "@/server/auth/sign-in";
import { GET as discover } from "@/app/api/auth/sso-discovery/route";
import { TENANT_LIMITS } from "@/server/tenant-limits";
import { DISCOVERY_MIN_MS, domainRoutesTo } from "./domain-routing";
import { ssoDomains } from "./queries";
import { startTestDnsServer, zoneAnswer, type TestDnsServer, type TxtAnswer } from "./test-dns-server";

// Attacks on SSO domain claims (issue 13), against real PostgreSQL and a real DNS server (npm dns2)
// on loopback that the app's resolver reaches through LAMBDAPLANE_DNS_SERVERS.
const database = setupTestDatabase();
const zone = new Map<string, TxtAnswer>();
let dns: TestDnsServer;

type Org = { id: string; slug: string; name: string; connectionId: string; admin: { id: string; email: string } };
let victim: Org;
let attacker: Org;
let victimUser: { id: string; email: string };

async function orgWithSso(slug: string, name: string): Promise<Org> {
  const p = database.prisma;
  const org = await p.organization.create({ data: { slug, name } });
  const conn = await p.ssoConnection.create({
    data: { organizationId: org.id, issuer: `https://idp.${slug}.example`, clientId: "c", clientSecretEncrypted: "v1:x:y:z", defaultRole: "admin" },
  });
  const admin = await p.user.create({ data: { email: `admin@${slug}.example`, memberships: { create: { organizationId: org.id, role: "owner" } } } });
  return { id: org.id, slug, name, connectionId: conn.id, admin };
}

const through = (org: Org, email: string) =>
  signInThroughOrgSso(database.prisma, org.connectionId, { email, emailVerified: true, name: "Mallory's IdP says so", provider: `sso-${org.connectionId}`, providerAccountId: `sub-${email}` });

async function claim(org: Org, domain: string): Promise<string> {
  const r = await asUser(org.admin, () => addSsoDomain({ orgSlug: org.slug, domain }));
  if (!r.ok) throw new Error(r.error);
  return r.data.id;
}
const verify = (org: Org, id: string) => asUser(org.admin, () => verifySsoDomain({ orgSlug: org.slug, id }));
const tokenOf = async (id: string) => (await database.prisma.ssoDomain.findUniqueOrThrow({ where: { id } })).challengeToken;
const publish = (domain: string, values: TxtAnswer) => zone.set(`_lambdaplane-challenge.${domain}`, values);

async function discovery(email: string): Promise<{ status: number; body: unknown; ms: number }> {
  const started = performance.now();
  const res = await discover(new Request(`http://localhost/api/auth/sso-discovery?email=${encodeURIComponent(email)}`));
  return { status: res.status, body: await res.json(), ms: performance.now() - started };
}

beforeAll(async () => {
  dns = await startTestDnsServer(zoneAnswer(zone));
  process.env.LAMBDAPLANE_DNS_SERVERS = dns.address;
  victim = await orgWithSso("victim", "Victim Corp");
  attacker = await orgWithSso("mallory", "Mallory Ltd");
  victimUser = await database.prisma.user.create({
    data: { email: "ceo@victim.test", memberships: { create: { organizationId: victim.id, role: "owner" } } },
  });
});
afterAll(async () => {
  delete process.env.LAMBDAPLANE_DNS_SERVERS;
  await dns.close();
});
afterEach(() => {
  delete process.env.LAMBDAPLANE_TRUST_UNVERIFIED_DOMAINS;
});

describe("a claimed but unverified domain", () => {
  it("routes no sign-in and auto-joins nobody: another organization's IdP cannot bring in the victim's people", async () => {
    await claim(attacker, "victim.test");
    expect(await through(attacker, victimUser.email)).toEqual({ ok: false, reason: "DomainNotAllowed" });
    expect(await through(attacker, "newhire@victim.test")).toEqual({ ok: false, reason: "DomainNotAllowed" });
    expect(await database.prisma.membership.count({ where: { organizationId: attacker.id, user: { email: { endsWith: "@victim.test" } } } })).toBe(0);
    expect(await database.prisma.user.count({ where: { email: "newhire@victim.test" } })).toBe(0);
    expect(await discovery("newhire@victim.test")).toMatchObject({ status: 200, body: { providerId: null } });
  });

  it("does not verify with a TXT record holding another token, and says why", async () => {
    const id = (await database.prisma.ssoDomain.findFirstOrThrow({ where: { organizationId: attacker.id, domain: "victim.test" } })).id;
    publish("victim.test", ["a-token-mallory-guessed"]);
    expect(await verify(attacker, id)).toEqual({ ok: true, data: { verified: false, reason: expect.stringMatching(/No TXT record at _lambdaplane-challenge.victim.test holds this domain's token/) } });
    expect(await ssoDomains(database.prisma, attacker.id)).toMatchObject([{ domain: "victim.test", status: "failed", reason: expect.stringMatching(/holds this domain's token/) }]);
    expect(await through(attacker, "newhire@victim.test")).toEqual({ ok: false, reason: "DomainNotAllowed" });
  });

  it("explains NXDOMAIN in words", async () => {
    const id = await claim(attacker, "unpublished.test");
    expect(await verify(attacker, id)).toMatchObject({ ok: true, data: { verified: false, reason: expect.stringMatching(/does not exist in DNS \(NXDOMAIN\)/) } });
    await asUser(attacker.admin, () => removeSsoDomain({ orgSlug: attacker.slug, id }));
  });
});

describe("verification by DNS", () => {
  it("verifies with the right token; then the domain routes sign-in and joins people with the default role", async () => {
    const id = await claim(victim, "victim.test");
    publish("victim.test", ["a-token-mallory-guessed", await tokenOf(id)]);
    expect(await verify(victim, id)).toEqual({ ok: true, data: { verified: true } });
    expect(await ssoDomains(database.prisma, victim.id)).toMatchObject([{ domain: "victim.test", status: "verified", verifiedBy: victim.admin.email, reason: null }]);
    expect(await through(victim, "newhire@victim.test")).toMatchObject({ ok: true });
    expect(await database.prisma.membership.findFirst({ where: { organizationId: victim.id, user: { email: "newhire@victim.test" } } })).toMatchObject({ role: "admin" });
    expect(await discovery("newhire@victim.test")).toMatchObject({ status: 200, body: { providerId: `sso-${victim.connectionId}` } });
    // The attacker's claim still gets nobody in.
    expect(await through(attacker, "other@victim.test")).toEqual({ ok: false, reason: "DomainNotAllowed" });
  });

  it("refuses a second organization's verification of a domain another organization verified, even with its own token published", async () => {
    const id = (await database.prisma.ssoDomain.findFirstOrThrow({ where: { organizationId: attacker.id, domain: "victim.test" } })).id;
    publish("victim.test", [await tokenOf(id)]);
    const r = await verify(attacker, id);
    expect(r).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(/^victim.test is already verified by another organization/) });
    expect(JSON.stringify(r)).not.toContain(victim.name);
    expect(await through(attacker, "other@victim.test")).toEqual({ ok: false, reason: "DomainNotAllowed" });
    // And the database itself refuses a second verified owner, whatever a racing request does.
    await expect(database.prisma.ssoDomain.update({ where: { id }, data: { verifiedAt: new Date(), verifiedDomain: "victim.test" } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("frees the domain when its owner removes it", async () => {
    const row = await database.prisma.ssoDomain.findFirstOrThrow({ where: { organizationId: victim.id, domain: "victim.test" } });
    expect(await asUser(victim.admin, () => removeSsoDomain({ orgSlug: victim.slug, id: row.id }))).toMatchObject({ ok: true });
    expect(await domainRoutesTo(database.prisma, "victim.test")).toBeNull();
    const audit = await database.prisma.auditEvent.findMany({ where: { organizationId: victim.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["sso_domain.add", "sso_domain.verify", "sso_domain.remove"]);
  });
});

describe("anonymous sign-in discovery", () => {
  it("answers one provider id at most, never an organization's name, in the same shape and time class for unknown domains", async () => {
    const id = await claim(victim, "victim.test");
    publish("victim.test", [await tokenOf(id)]);
    expect(await verify(victim, id)).toMatchObject({ ok: true, data: { verified: true } });
    const known = await discovery("anyone@victim.test");
    const unknown = await discovery("anyone@nobody-claims-this.test");
    await claim(attacker, "unpublished-claim.test");
    const claimedOnly = await discovery("anyone@unpublished-claim.test");
    expect(known.body).toEqual({ providerId: `sso-${victim.connectionId}` });
    expect(unknown.body).toEqual({ providerId: null });
    expect(claimedOnly.body).toEqual({ providerId: null });
    for (const r of [known, unknown, claimedOnly]) {
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).not.toMatch(/Victim|Mallory/);
      expect(r.ms).toBeGreaterThanOrEqual(DISCOVERY_MIN_MS - 5);
    }
    console.info(`discovery answer times: known ${known.ms.toFixed(0)} ms, unknown ${unknown.ms.toFixed(0)} ms, claimed-unverified ${claimedOnly.ms.toFixed(0)} ms`);
  });
});

describe("LAMBDAPLANE_TRUST_UNVERIFIED_DOMAINS=1 (single-organization installs)", () => {
  it("routes an unverified domain only while a single organization claims it", async () => {
    process.env.LAMBDAPLANE_TRUST_UNVERIFIED_DOMAINS = "1";
    await claim(victim, "solo.test");
    expect(await domainRoutesTo(database.prisma, "solo.test")).toEqual({ organizationId: victim.id });
    expect(await through(victim, "someone@solo.test")).toMatchObject({ ok: true });
    await claim(attacker, "solo.test");
    expect(await domainRoutesTo(database.prisma, "solo.test")).toBeNull();
    expect(await through(attacker, "another@solo.test")).toEqual({ ok: false, reason: "DomainNotAllowed" });
    expect(await through(victim, "another@solo.test")).toEqual({ ok: false, reason: "DomainNotAllowed" });
    // A verified claim always wins over unverified ones.
    expect(await domainRoutesTo(database.prisma, "victim.test")).toEqual({ organizationId: victim.id });
  });

  it("is off by default", async () => {
    expect(await domainRoutesTo(database.prisma, "unpublished-claim.test")).toBeNull();
  });
});

describe("claims", () => {
  it(`are bounded to ${TENANT_LIMITS.ssoDomainsPerOrganization} per organization, with a message naming the field`, async () => {
    const org = await orgWithSso("busy", "Busy");
    for (let i = (await database.prisma.ssoDomain.count({ where: { organizationId: org.id } })); i < TENANT_LIMITS.ssoDomainsPerOrganization; i++) await claim(org, `d${i}.busy.test`);
    const r = await asUser(org.admin, () => addSsoDomain({ orgSlug: org.slug, domain: "one-too-many.test" }));
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { domain: `An organization can claim at most ${TENANT_LIMITS.ssoDomainsPerOrganization} domains; remove one first.` } });
  });

  it("refuses a malformed domain and a duplicate, naming the field", async () => {
    expect(await asUser(victim.admin, () => addSsoDomain({ orgSlug: victim.slug, domain: "not a domain" }))).toMatchObject({ ok: false, status: 400, fieldErrors: { domain: expect.stringMatching(/is not a domain/) } });
    expect(await asUser(victim.admin, () => addSsoDomain({ orgSlug: victim.slug, domain: "@Victim.test" }))).toMatchObject({ ok: false, fieldErrors: { domain: "victim.test is already in this organization's list." } });
  });

  it("cannot be verified or removed from another organization (404)", async () => {
    const row = await database.prisma.ssoDomain.findFirstOrThrow({ where: { organizationId: victim.id, domain: "victim.test" } });
    expect(await verify(attacker, row.id)).toMatchObject({ ok: false, status: 404 });
    expect(await asUser(attacker.admin, () => removeSsoDomain({ orgSlug: attacker.slug, id: row.id }))).toMatchObject({ ok: false, status: 404 });
  });
});
