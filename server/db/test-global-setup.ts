// vitest globalSetup of the integration suite: one database server per run (DATABASE_URL, or the
// embedded PostgreSQL started here and stopped at the end), handed to test files via inject().
import type { TestProject } from "vitest/node";
import { startDatabaseServer } from "./database-server";
import { dropStaleTestDatabases } from "./scratch-database";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startDatabaseServer((message) => console.log(message));
  try {
    await dropStaleTestDatabases(server.databaseUrl);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide("databaseServerUrl", server.databaseUrl);
  return () => server.stop();
}
