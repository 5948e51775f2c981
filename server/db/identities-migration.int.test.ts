import { describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { setupTestDatabase } from "./test-database";

const MIGRATION = "20261206064906_identities_and_sessions";
const database = setupTestDatabase();

describe(`migration ${MIGRATION}`, () => {
  it("turns every next-auth account into an identity keyed by issuer and subject, and clears the unused adapter sessions", async () => {
    const p = database.prisma;
    // Back to the tables as they were before the migration, which the database was created with.
    await p.$executeRawUnsafe(`DROP TABLE "Identity"`);
    await p.$executeRawUnsafe(`DROP TABLE "Session"`);
    await p.$executeRawUnsafe(`CREATE TABLE "Account" ("id" TEXT PRIMARY KEY, "userId" TEXT NOT NULL REFERENCES "User"("id") ON DELETE CASCADE, "type" TEXT NOT NULL,
      "provider" TEXT NOT NULL, "providerAccountId" TEXT NOT NULL, "refresh_token" TEXT, "access_token" TEXT, "expires_at" INTEGER, "token_type" TEXT,
      "scope" TEXT, "id_token" TEXT, "session_state" TEXT)`);
    await p.$executeRawUnsafe(`CREATE TABLE "Session" ("id" TEXT PRIMARY KEY, "sessionToken" TEXT NOT NULL, "userId" TEXT NOT NULL REFERENCES "User"("id"), "expires" TIMESTAMP(3) NOT NULL)`);
    await p.$executeRawUnsafe(`CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken")`);
    await p.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${MIGRATION}`;

    const org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
    const conn = await p.ssoConnection.create({
      data: { organizationId: org.id, issuer: "https://idp.acme.test/", clientId: "c", clientSecretEncrypted: "v1:x:y:z" },
    });
    const pat = await p.user.create({ data: { email: "pat@acme.test", createdAt: new Date(Date.UTC(2026, 0, 1)) } });
    const sam = await p.user.create({ data: { email: "sam@acme.test", createdAt: new Date(Date.UTC(2026, 0, 2)) } });
    const accounts: [string, string, string, string][] = [
      ["a1", pat.id, `sso-${conn.id}`, "pat-sub"],
      ["a2", pat.id, "oidc", "pat-instance"],
      ["a3", pat.id, "dev", "pat@acme.test"],
      ["a4", pat.id, "sso-deleted-connection", "gone"],
      // The same subject of the same issuer under another provider id: the older user keeps it.
      ["a5", sam.id, `sso-${conn.id}`, "pat-sub"],
    ];
    for (const [id, userId, provider, sub] of accounts) {
      await p.$executeRaw`INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId") VALUES (${id}, ${userId}, 'oauth', ${provider}, ${sub})`;
    }
    await p.$executeRaw`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ('s1', 't1', ${pat.id}, now())`;

    expect(await applyMigrations(database.url)).toEqual([MIGRATION]);

    const identities = await p.identity.findMany({ orderBy: { id: "asc" }, select: { id: true, userId: true, issuer: true, subject: true, email: true } });
    expect(identities).toEqual([
      { id: "a1", userId: pat.id, issuer: "https://idp.acme.test", subject: "pat-sub", email: "pat@acme.test" },
      { id: "a2", userId: pat.id, issuer: "lambdaplane:instance-oidc-pending", subject: "pat-instance", email: "pat@acme.test" },
      { id: "a3", userId: pat.id, issuer: "lambdaplane:dev-login", subject: "pat@acme.test", email: "pat@acme.test" },
    ]);
    expect(await p.session.count()).toBe(0);
  });
});
