import { describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { setupTestDatabase } from "./test-database";

const MIGRATION = "20261201115335_stack_name_ignoring_case";
const database = setupTestDatabase();

describe(`migration ${MIGRATION}`, () => {
  it("applies to a database holding names that differ only in case: the oldest keeps its name, later ones get their id appended", async () => {
    const p = database.prisma;
    // Back to the state before the migration, which the database was created with.
    await p.$executeRawUnsafe(`DROP INDEX "Stack_organizationId_lower_name_key"`);
    await p.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${MIGRATION}`;
    const acme = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
    const globex = await p.organization.create({ data: { slug: "globex", name: "Globex" } });
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const oldest = await p.stack.create({ data: { organizationId: acme.id, name: "Orders", createdAt: at(1) } });
    const second = await p.stack.create({ data: { organizationId: acme.id, name: "orders", createdAt: at(2) } });
    const long = "a".repeat(64);
    const longFirst = await p.stack.create({ data: { organizationId: acme.id, name: long, createdAt: at(3) } });
    const longSecond = await p.stack.create({ data: { organizationId: acme.id, name: long.toUpperCase(), createdAt: at(4) } });
    const otherOrg = await p.stack.create({ data: { organizationId: globex.id, name: "ORDERS", createdAt: at(5) } });

    expect(await applyMigrations(database.url)).toEqual([MIGRATION]);

    const names = new Map((await p.stack.findMany({ select: { id: true, name: true } })).map((s) => [s.id, s.name]));
    expect(names.get(oldest.id)).toBe("Orders");
    expect(names.get(second.id)).toBe(`orders-${second.id}`);
    expect(names.get(longFirst.id)).toBe(long);
    expect(names.get(longSecond.id)).toBe(`${"A".repeat(63 - longSecond.id.length)}-${longSecond.id}`);
    expect(names.get(longSecond.id)).toHaveLength(64);
    expect(names.get(otherOrg.id)).toBe("ORDERS");

    await expect(p.stack.create({ data: { organizationId: acme.id, name: "ORDERS" } })).rejects.toMatchObject({ code: "P2002" });
  });
});
