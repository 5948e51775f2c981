import { startEmbeddedPostgres } from "./embedded";
import { redactPassword } from "./database-url";

export type DatabaseServer = {
  databaseUrl: string;
  /** True when this process started (or joined) the embedded server rather than using DATABASE_URL. */
  embedded: boolean;
  /** Stops what this process started; nothing for DATABASE_URL. */
  stop(): Promise<void>;
};

/** DATABASE_URL when set, else the embedded PostgreSQL in .data/ (started or joined). */
export async function startDatabaseServer(log: (message: string) => void = console.log): Promise<DatabaseServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    log(`[db] using DATABASE_URL ${redactPassword(configured)}`);
    return { databaseUrl: configured, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ log: (message) => log(`[postgres] ${message}`) });
  return { databaseUrl: server.databaseUrl, embedded: true, stop: server.stop };
}
