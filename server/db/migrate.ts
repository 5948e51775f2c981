// Prisma migrations without the Prisma CLI's native binary: the same engine (as WebAssembly), the
// same prisma/migrations layout and the same `_prisma_migrations` table (name, sha256 checksum,
// timestamps), so `prisma migrate deploy` on a machine with internet sees the same history.
import { readFile } from "node:fs/promises";
import type { MigrationList, SchemaContainer, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { lockfileContent, readMigrationsList, writeMigration } from "./migrations-dir";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "./paths";
import { withSchemaEngine } from "./schema-engine";

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };
/** `diff` with `exitCode: true` answers 2 when the two sides differ (like `prisma migrate diff --exit-code`). */
const DIFF_NOT_EMPTY = 2;

export type MigrationOptions = { schemaPath?: string; migrationsDir?: string };

async function loadSchema(schemaPath: string): Promise<SchemaContainer> {
  return { path: schemaPath, content: await readFile(schemaPath, "utf8") };
}

/**
 * Applies every migration in the folder that the database has not recorded yet (`prisma migrate
 * deploy`). Returns the names applied now; an up-to-date database gives [] and is left untouched.
 */
export async function applyMigrations(databaseUrl: string, options: MigrationOptions = {}): Promise<string[]> {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const schema = await loadSchema(options.schemaPath ?? SCHEMA_PATH);
  const migrationsList = await readMigrationsList(migrationsDir);
  const result = await withSchemaEngine(databaseUrl, schema, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return result.appliedMigrationNames;
}

// The engine learns the connector from the lockfile; before the first migration there is none yet.
function withLockfile(list: MigrationList): MigrationList {
  return { ...list, lockfile: { ...list.lockfile, content: list.lockfile.content ?? lockfileContent("postgresql") } };
}

/** `<UTC yyyymmddhhmmss>_<name>`, the folder name `prisma migrate dev` gives. */
export function migrationFolderName(name: string, now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!slug) throw new Error(`Migration name "${name}" has no letters or digits.`);
  return `${stamp}_${slug}`;
}

/**
 * Writes a new migration folder with the SQL that takes the existing migrations to the Prisma schema
 * (`prisma migrate dev --create-only`). The engine replays the existing migrations in a temporary
 * shadow database on the server at `databaseUrl` (the user needs CREATEDB) and diffs the result
 * against the schema; the database at `databaseUrl` itself is not changed. Returns the new folder,
 * or null when the schema needs no change. With `empty`, a folder is written even then (with an
 * empty migration, for hand-written SQL), like Prisma's draft migrations.
 *
 * This uses the engine's `diff` rather than its `createMigration`: the wasm build's createMigration
 * only takes a shadow database from a configured URL, while `diff` asks the adapter factory for one.
 */
export async function createMigration(
  name: string,
  databaseUrl: string,
  options: MigrationOptions & { empty?: boolean; now?: Date } = {},
): Promise<string | null> {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const folderName = migrationFolderName(name, options.now ?? new Date());
  const schema = await loadSchema(options.schemaPath ?? SCHEMA_PATH);
  const migrationsList = await readMigrationsList(migrationsDir);
  const diff = await withSchemaEngine(databaseUrl, schema, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...withLockfile(migrationsList) },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    }),
  );
  const changed = diff.exitCode === DIFF_NOT_EMPTY;
  if (!changed && !options.empty) return null;
  return writeMigration(migrationsDir, {
    name: folderName,
    extension: "sql",
    script: changed ? (diff.stdout ?? "") : "-- This is an empty migration.\n",
    connectorType: "postgresql",
  });
}
