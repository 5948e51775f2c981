// A migrated, throw-away database for a benchmark run: on DATABASE_URL's server, else the embedded one.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startDatabaseServer } from "@/server/db/database-server";
import { quoteIdent, withDatabase } from "@/server/db/database-url";
import { applyMigrations } from "@/server/db/migrate";

export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void>; stop: () => Promise<void> }> {
  const server = await startDatabaseServer(() => undefined);
  const name = `lp_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server.databaseUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`CREATE DATABASE ${quoteIdent(name)}`);
  const url = withDatabase(server.databaseUrl, name);
  await applyMigrations(url);
  return { url, drop: () => admin(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`), stop: server.stop };
}
