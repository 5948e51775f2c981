import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { saveSsoConnection } from "@/server/actions/sso/save-sso-connection";
import { decryptSecret } from "@/server/crypto";
import { signInDirect, signInThroughOrgSso } from "@/server/auth/sign-in";
import { ssoSettings } from "./queries";

// A loopback HTTP server stands in for the IdP's discovery endpoint (its one job here).
const database = setupTestDatabase();
let idp: Server;
let issuer: string;
let org: { id: string; slug: string };
let owner: { id: string; email: string };

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = "2".repeat(64);
  idp = createServer((_req, res) =>
    res.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` })),
  );
  await new Promise<void>((r) => idp.listen(0, "127.0.0.1", r));
  const port = (idp.address() as { port: number }).port;
  issuer = `http://127.0.0.1:${port}`;
  // The outbound guard refuses loopback: allow this stand-in IdP, and port 1 for the unreachable case.
  process.env.LAMBDAPLANE_OUTBOUND_ALLOW = `127.0.0.1:${port},127.0.0.1:1`;
  org = await database.prisma.organization.create({ data: { slug: "acme", name: "Acme" } });
  owner = await database.prisma.user.create({ data: { email: "owner@acme.test", memberships: { create: { organizationId: org.id, role: "owner" } } } });
});
afterAll(() => new Promise<void>((r) => idp.close(() => r())));

const base = () => ({ orgSlug: org.slug, issuer, clientId: "lp", defaultRole: "editor" as const, enforced: false });

describe("SSO settings", () => {
  it("requires a secret the first time and names the field", async () => {
    expect(await asUser(owner, () => saveSsoConnection(base()))).toMatchObject({ ok: false, fieldErrors: { clientSecret: "Client secret is required." } });
  });

  it("refuses an unreachable issuer with the reason, saving nothing", async () => {
    const r = await asUser(owner, () => saveSsoConnection({ ...base(), issuer: "http://127.0.0.1:1/nowhere", clientSecret: "s" }));
    expect(r).toMatchObject({ ok: false, status: 400 });
    expect(r.ok ? "" : r.fieldErrors?.issuer).toMatch(/openid-configuration is unreachable/);
    expect(await ssoSettings(database.prisma, org.id)).toBeNull();
  });

  it("refuses an issuer with a fragment (discovery would GET any path of the host) or on the metadata address", async () => {
    const fragment = await asUser(owner, () => saveSsoConnection({ ...base(), issuer: `${issuer}/internal/admin#`, clientSecret: "s" }));
    expect(fragment).toMatchObject({ ok: false, status: 400, fieldErrors: { issuer: "The issuer URL must not contain a fragment (#)." } });
    const metadata = await asUser(owner, () => saveSsoConnection({ ...base(), issuer: "http://169.254.169.254/latest/meta-data", clientSecret: "s" }));
    expect(metadata).toMatchObject({ ok: false, status: 400, fieldErrors: { issuer: expect.stringMatching(/was refused: the address is private/) } });
    expect(await ssoSettings(database.prisma, org.id)).toBeNull();
  });

  it("saves an encrypted, write-only secret", async () => {
    expect((await asUser(owner, () => saveSsoConnection({ ...base(), clientSecret: "top-secret" }))).ok).toBe(true);
    const shown = await ssoSettings(database.prisma, org.id);
    expect(shown).toMatchObject({ issuer, defaultRole: "editor", hasSecret: true });
    expect(JSON.stringify(shown)).not.toContain("top-secret");
    const row = await database.prisma.ssoConnection.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(decryptSecret(row.clientSecretEncrypted)).toBe("top-secret");
    expect(JSON.stringify(await database.prisma.auditEvent.findMany({ select: { before: true, after: true } }))).not.toContain("top-secret");

    expect((await asUser(owner, () => saveSsoConnection({ ...base(), clientId: "lp2" }))).ok).toBe(true);
    const kept = await database.prisma.ssoConnection.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(decryptSecret(kept.clientSecretEncrypted)).toBe("top-secret");
  });

  it("when enforced, members get in only through the organization's connection", async () => {
    expect((await asUser(owner, () => saveSsoConnection({ ...base(), enforced: true }))).ok).toBe(true);
    const conn = await database.prisma.ssoConnection.findFirstOrThrow({ where: { organizationId: org.id } });
    await database.prisma.ssoDomain.create({ data: { organizationId: org.id, domain: "acme.test", challengeToken: "t", verifiedAt: new Date(), verifiedDomain: "acme.test" } });
    // The owner signs in by the development login and by this connection's IdP: both identities are theirs.
    await database.prisma.identity.createMany({
      data: [
        { userId: owner.id, issuer: "lambdaplane:dev-login", subject: owner.email, email: owner.email },
        { userId: owner.id, issuer: conn.issuer.replace(/\/+$/, ""), subject: owner.email, email: owner.email },
      ],
    });
    const who = { email: owner.email, emailVerified: true, provider: "dev", providerAccountId: owner.email };
    expect(await signInDirect(database.prisma, who)).toEqual({ ok: false, reason: "SsoRequired" });
    Object.assign(process.env, { AUTH_OIDC_ISSUER: "https://login.instance.test", AUTH_OIDC_CLIENT_ID: "lp", AUTH_OIDC_CLIENT_SECRET: "s" });
    expect(await signInDirect(database.prisma, { ...who, provider: "oidc" })).toEqual({ ok: false, reason: "SsoRequired" });
    for (const name of ["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"]) delete process.env[name];
    expect(await signInThroughOrgSso(database.prisma, conn.id, { ...who, provider: `sso-${conn.id}` })).toMatchObject({ ok: true });
    expect(await signInDirect(database.prisma, { email: "outsider@else.test", emailVerified: true, provider: "dev", providerAccountId: "o" })).toMatchObject({ ok: true });
  });
});
