// Integration tests get a database of their own: `setupTestDatabase()` in a test file creates
// lp_test_<time>_<random> on the server the vitest globalSetup provides (DATABASE_URL, or the
// embedded server), applies the migrations, points DATABASE_URL at it for code that calls db(),
// and drops it after the file's tests.
import { afterAll, beforeAll, inject } from "vitest";
import type { PrismaClient } from "./generated/client";
import { createTestDatabase, type TestDatabase } from "./scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL on the PostgreSQL server the integration tests use; its user can CREATE DATABASE. */
    databaseServerUrl: string;
  }
}

/**
 * Call at the top of a test file. The returned object is filled in before the file's first test;
 * DATABASE_URL points at the same database meanwhile, so server code using db() sees it too.
 */
export function setupTestDatabase(): { readonly url: string; readonly prisma: PrismaClient } {
  let database: TestDatabase | undefined;
  const previousUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    database = await createTestDatabase(inject("databaseServerUrl"));
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await database?.drop();
  });
  const current = (): TestDatabase => {
    if (!database) throw new Error("The test database exists only inside tests and hooks (after beforeAll).");
    return database;
  };
  return {
    get url() {
      return current().url;
    },
    get prisma() {
      return current().prisma;
    },
  };
}
