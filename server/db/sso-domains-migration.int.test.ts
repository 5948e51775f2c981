import { describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { setupTestDatabase } from "./test-database";

const MIGRATION = "20261206064828_sso_domains";
const database = setupTestDatabase();

describe(`migration ${MIGRATION}`, () => {
  it("turns every allowed domain of existing connections into an unverified claim of its organization, once per organization", async () => {
    const p = database.prisma;
    // Back to the state before the migration, which the database was created with.
    await p.$executeRawUnsafe(`DROP TABLE "SsoDomain"`);
    await p.$executeRawUnsafe(`ALTER TABLE "SsoConnection" ADD COLUMN "allowedDomains" TEXT[]`);
    await p.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${MIGRATION}`;
    const acme = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
    const globex = await p.organization.create({ data: { slug: "globex", name: "Globex" } });
    const connection = (organizationId: string, id: string, domains: string[]) =>
      p.$executeRaw`INSERT INTO "SsoConnection" ("id", "organizationId", "issuer", "clientId", "clientSecretEncrypted", "allowedDomains", "updatedAt")
                    VALUES (${id}, ${organizationId}, 'https://idp.example', 'c', 'v1:x', ${domains}, now())`;
    await connection(acme.id, "c1", ["acme.test", "acme.co.uk"]);
    await connection(acme.id, "c2", ["Acme.test"]);
    await connection(globex.id, "c3", ["acme.test"]);

    expect(await applyMigrations(database.url)).toContain(MIGRATION);

    const rows = await p.ssoDomain.findMany({ orderBy: [{ organizationId: "asc" }, { domain: "asc" }] });
    const claims = rows.map((r) => [r.organizationId === acme.id ? "acme" : "globex", r.domain]).sort();
    expect(claims).toEqual([["acme", "acme.co.uk"], ["acme", "acme.test"], ["globex", "acme.test"]]);
    for (const r of rows) {
      expect(r).toMatchObject({ verifiedAt: null, verifiedDomain: null, verifiedBy: null });
      expect(r.challengeToken).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(rows.map((r) => r.challengeToken)).size).toBe(rows.length);
  });
});
