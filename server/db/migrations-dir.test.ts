import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockfileContent, readMigrationsList, writeMigration } from "./migrations-dir";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lp-migrations-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readMigrationsList", () => {
  it("lists migration folders in name order with their SQL, and the lockfile", async () => {
    for (const name of ["20250102000000_b", "20250101000000_a"]) {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, "migration.sql"), `-- ${name}\n`);
    }
    await writeFile(path.join(dir, "migration_lock.toml"), lockfileContent("postgresql"));
    await writeFile(path.join(dir, "README.md"), "not a migration");

    const list = await readMigrationsList(dir);
    expect(list.baseDir).toBe(dir);
    expect(list.lockfile).toEqual({ path: "migration_lock.toml", content: lockfileContent("postgresql") });
    expect(list.migrationDirectories).toEqual([
      { path: "20250101000000_a", migrationFile: { path: "migration.sql", content: { tag: "ok", value: "-- 20250101000000_a\n" } } },
      { path: "20250102000000_b", migrationFile: { path: "migration.sql", content: { tag: "ok", value: "-- 20250102000000_b\n" } } },
    ]);
  });

  it("reports a folder without migration.sql instead of skipping it", async () => {
    await mkdir(path.join(dir, "20250101000000_a"));
    const [entry] = (await readMigrationsList(dir)).migrationDirectories;
    expect(entry.migrationFile.content.tag).toBe("error");
  });

  it("treats a missing folder as no migrations and no lockfile", async () => {
    const list = await readMigrationsList(path.join(dir, "absent"));
    expect(list.migrationDirectories).toEqual([]);
    expect(list.lockfile.content).toBeNull();
  });
});

describe("writeMigration", () => {
  it("writes the script and the Prisma lockfile", async () => {
    const folder = await writeMigration(dir, { name: "20250101000000_a", extension: "sql", script: "SELECT 1;\n", connectorType: "postgresql" });
    expect(await readFile(path.join(folder, "migration.sql"), "utf8")).toBe("SELECT 1;\n");
    expect(await readFile(path.join(dir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it("never overwrites an existing migration", async () => {
    const migration = { name: "20250101000000_a", extension: "sql", script: "SELECT 1;\n", connectorType: "postgresql" };
    await writeMigration(dir, migration);
    await expect(writeMigration(dir, { ...migration, script: "DROP TABLE x;\n" })).rejects.toThrow(/EEXIST/);
    expect(await readFile(path.join(dir, migration.name, "migration.sql"), "utf8")).toBe("SELECT 1;\n");
  });
});
