// Throwaway databases named lp_test_<time>_<random>: created and migrated on a server, dropped
// after use, and dropped by a later run when a crashed one left them behind. No vitest here: the
// integration tests (test-database.ts) and e2e specs that need a database of their own share it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { quoteIdent, withDatabase } from "./database-url";
import { applyMigrations } from "./migrate";

export const TEST_DATABASE_PREFIX = "lp_test_";
// Databases of crashed runs older than this are dropped by the next run (younger ones may belong
// to a run in progress on the same server).
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export type TestDatabase = { url: string; prisma: PrismaClient; drop(): Promise<void> };

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function testDatabaseName(now: Date = new Date()): string {
  return `${TEST_DATABASE_PREFIX}${now.getTime().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** When a test database was created, from its name; null for other names. */
export function testDatabaseCreatedAt(name: string): Date | null {
  const match = new RegExp(`^${TEST_DATABASE_PREFIX}([0-9a-z]+)_[0-9a-f]{8}$`).exec(name);
  return match ? new Date(parseInt(match[1], 36)) : null;
}

/** Creates and migrates a fresh database on the server at `serverUrl`. */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = testDatabaseName();
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}

/** Drops test databases that crashed runs left behind. */
export async function dropStaleTestDatabases(serverUrl: string, now: Date = new Date()): Promise<string[]> {
  return withAdminClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${TEST_DATABASE_PREFIX}%`,
    ]);
    const stale = rows
      .map((row) => row.datname)
      .filter((name) => {
        const createdAt = testDatabaseCreatedAt(name);
        return createdAt !== null && now.getTime() - createdAt.getTime() > STALE_AFTER_MS;
      });
    for (const name of stale) await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    return stale;
  });
}
