import { describe, expect, it } from "vitest";
import { revisionBytes } from "@/server/stacks/revision-code";
import { applyMigrations } from "./migrate";
import { setupTestDatabase } from "./test-database";

const MIGRATION = "20261206230000_revision_bytes";
const database = setupTestDatabase();

describe(`migration ${MIGRATION}`, () => {
  it("stores the size of revisions saved before it, as revisionBytes counts, leaves them immutable, and sizes every later insert", async () => {
    const p = database.prisma;
    // Back to the schema before the migration, with revisions in it.
    await p.$executeRaw`DROP TRIGGER "StackRevision_bytes" ON "StackRevision"`;
    await p.$executeRaw`DROP FUNCTION "set_stack_revision_bytes"()`;
    await p.$executeRaw`DROP FUNCTION "stack_revision_bytes"(TEXT, JSONB)`;
    await p.$executeRaw`ALTER TABLE "StackRevision" DROP COLUMN "bytes"`;
    await p.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${MIGRATION}`;
    const org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
    const stack = await p.stack.create({ data: { organizationId: org.id, name: "shop" } });
    const old: { yaml: string; code: Record<string, string> }[] = [
      { yaml: "resources: {}\n", code: {} },
      { yaml: "# ünïcode €\nresources: {}\n", code: { "src/a.ts": "export const a = '😀';", "src/b.py": "print('b')\n" } },
    ];
    for (const [i, r] of old.entries()) {
      await p.$executeRaw`INSERT INTO "StackRevision" (id, "stackId", number, yaml, definition, code) VALUES (${`r${i + 1}`}, ${stack.id}, ${i + 1}, ${r.yaml}, '{}', ${JSON.stringify(r.code)}::jsonb)`;
    }

    expect(await applyMigrations(database.url)).toEqual([MIGRATION]);

    const stored = await p.stackRevision.findMany({ where: { stackId: stack.id }, orderBy: { number: "asc" }, select: { bytes: true } });
    expect(stored.map((r) => r.bytes)).toEqual(old.map((r) => revisionBytes(r.yaml, r.code)));
    await expect(p.$executeRaw`UPDATE "StackRevision" SET message = 'x' WHERE id = 'r1'`).rejects.toThrow(/immutable/);
    // An insert that states another size gets the real one.
    const later = await p.stackRevision.create({ data: { stackId: stack.id, number: 3, yaml: "resources: {}\n", definition: {}, code: { "a.ts": "1" }, bytes: 1 } });
    expect(later.bytes).toBe(revisionBytes("resources: {}\n", { "a.ts": "1" }));
  });
});
