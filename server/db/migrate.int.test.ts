import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "./generated/client";
import { applyMigrations, createMigration } from "./migrate";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "./paths";
import { setupTestDatabase } from "./test-database";

// setupTestDatabase has already applied the committed migrations once.
const database = setupTestDatabase();

async function committedMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function shadowDatabases(): Promise<string[]> {
  const rows = await database.prisma.$queryRaw<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`;
  return rows.map((row) => row.datname);
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "lp-migrate-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  it("records every committed migration in _prisma_migrations with the sha256 of its file, as prisma migrate does", async () => {
    const rows = await database.prisma.$queryRaw<
      { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }[]
    >`SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`;
    const names = await committedMigrations();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("is a no-op on an up-to-date database", async () => {
    const before = await database.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations`;
    expect(await applyMigrations(database.url)).toEqual([]);
    expect(await applyMigrations(database.url)).toEqual([]);
    const after = await database.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations`;
    expect(after[0].n).toBe(before[0].n);
  });

  it("creates a table for every model of schema.prisma", async () => {
    const rows = await database.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`;
    const tables = new Set(rows.map((row) => row.table_name));
    for (const model of Object.values(Prisma.ModelName)) expect(tables, model).toContain(model);
  });

  it("runs a migration as one transaction: a failing statement leaves none of the migration behind", async () => {
    const dir = path.join(scratch, "failing");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(path.join(dir, "29990101000000_broken"));
    await writeFile(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" (id int);\nCREATE FUNCTION half_fn() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;\nSELECT 1/0;\n`,
    );
    await expect(applyMigrations(database.url, { migrationsDir: dir })).rejects.toThrow(/division by zero/);
    const half = await database.prisma.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('public."Half"')::text AS t`;
    expect(half[0].t).toBeNull();
    // The attempt is recorded as failed, which is what makes `prisma migrate deploy` stop (P3009) too.
    const failed = await database.prisma.$queryRaw<{ finished_at: Date | null }[]>`
      SELECT finished_at FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`;
    expect(failed).toEqual([{ finished_at: null }]);
  });
});

describe("createMigration", () => {
  it("finds nothing to write: the committed migrations produce exactly schema.prisma", async () => {
    const dir = path.join(scratch, "in-sync");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const shadowsBefore = await shadowDatabases();

    expect(await createMigration("drift_check", database.url, { migrationsDir: dir })).toBeNull();
    expect((await readdir(dir)).sort()).toEqual([...(await committedMigrations()), "migration_lock.toml"].sort());
    // The shadow database it replayed the migrations in is gone again.
    expect(await shadowDatabases()).toEqual(shadowsBefore);
  });

  it("writes the SQL for a schema change into a new timestamped folder, leaving the database alone", async () => {
    const dir = path.join(scratch, "changed");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const schemaPath = path.join(scratch, "schema.prisma");
    const schema = await readFile(SCHEMA_PATH, "utf8");
    await writeFile(schemaPath, `${schema}\nmodel Widget {\n  id   String @id\n  size Int\n}\n`);

    const folder = await createMigration("add widget", database.url, { migrationsDir: dir, schemaPath, now: new Date("2030-01-02T03:04:05Z") });
    expect(folder).toBe(path.join(dir, "20300102030405_add_widget"));
    const sql = await readFile(path.join(folder as string, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Widget"');
    expect(sql).not.toContain('"StackRevision"');

    const widget = await database.prisma.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('public."Widget"')::text AS t`;
    expect(widget[0].t).toBeNull();
  });

  it("writes an empty migration for hand-written SQL on request", async () => {
    const dir = path.join(scratch, "empty");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const folder = await createMigration("backfill", database.url, { migrationsDir: dir, empty: true, now: new Date("2030-01-02T03:04:05Z") });
    expect(await readFile(path.join(folder as string, "migration.sql"), "utf8")).toBe("-- This is an empty migration.\n");
  });
});
