import "server-only";
import { readdir } from "node:fs/promises";
import pg from "pg";
import { MIGRATIONS_DIR } from "@/server/db/paths";
import { DEPLOY_QUEUE, QUEUE_SCHEMA } from "@/server/deploy/queue";
import { runningDeployWorkers } from "@/server/deploy/worker-registry";
import { missingMigrations, notChecked, type Readiness } from "./readiness-report";
import { log } from "./log";

// GET /api/ready: can this process serve? The database answers, every migration in prisma/migrations
// is applied, and the job queue exists (and, in a process that runs deploy workers, they started).
// Cheap on purpose (load balancers call it every few seconds): one short-lived connection of its
// own with short timeouts, so a database that hangs never holds a pooled connection, and answers
// that name the failing check without the database's error text (the log has it).

export interface ReadinessOptions {
  databaseUrl?: string;
  /** Budget for the whole check, connecting included. */
  timeoutMs?: number;
  migrationsDir?: string;
  /** Whether this process is meant to run deploy workers (LAMBDAPLANE_WORKER is not `off`). */
  runsWorkers?: boolean;
}

const DEFAULT_TIMEOUT_MS = 2_000;
const UNDEFINED_TABLE = "42P01";

// The folder does not change while a process runs; read it once.
const onDiskCache = new Map<string, Promise<string[]>>();
function migrationsOnDisk(dir: string): Promise<string[]> {
  let names = onDiskCache.get(dir);
  if (!names) {
    names = readdir(dir, { withFileTypes: true }).then((entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name));
    names.catch(() => onDiskCache.delete(dir));
    onDiskCache.set(dir, names);
  }
  return names;
}

const isUndefinedTable = (e: unknown) => (e as { code?: unknown } | null)?.code === UNDEFINED_TABLE;

export async function checkReadiness(options: ReadinessOptions = {}): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const checks = notChecked();
  const seconds = `${timeoutMs / 1000} s`;
  const client = new pg.Client({
    connectionString: options.databaseUrl ?? process.env.DATABASE_URL,
    application_name: "lambdaplane-ready",
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs,
  });
  // Which check is running when the budget runs out is the one that did not answer.
  let current: keyof Readiness["checks"] = "database";
  const run = async () => {
    await client.connect();
    await client.query("SELECT 1");
    checks.database = "ok";

    current = "migrations";
    const applied = await client
      .query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .then((r) => r.rows.map((row) => row.migration_name))
      .catch((e: unknown) => {
        if (isUndefinedTable(e)) return [];
        throw e;
      });
    const missing = missingMigrations(await migrationsOnDisk(options.migrationsDir ?? MIGRATIONS_DIR), applied);
    checks.migrations = missing.length === 0 ? "ok" : `${missing.length} migration(s) not applied: ${missing.join(", ")} (run npm run db:migrate)`;

    current = "queue";
    const queue = await client
      .query(`SELECT 1 FROM ${QUEUE_SCHEMA}.queue WHERE name = $1`, [DEPLOY_QUEUE])
      .then((r) => r.rowCount === 1)
      .catch((e: unknown) => {
        if (isUndefinedTable(e)) return false;
        throw e;
      });
    const runsWorkers = options.runsWorkers ?? process.env.LAMBDAPLANE_WORKER !== "off";
    if (!queue) checks.queue = "the deploy queue is not set up in the database yet";
    else if (runsWorkers && runningDeployWorkers() === 0) checks.queue = "this process's deploy workers have not started";
    else checks.queue = "ok";
  };
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${seconds}`)), timeoutMs);
  });
  const work = run();
  work.catch(() => undefined); // a check still running when the budget ran out must not reject unhandled
  try {
    await Promise.race([work, budget]);
  } catch (error) {
    log.error(`ready: the ${current} check failed`, { error });
    checks[current] = current === "database" ? `not reachable (refused, or no answer within ${seconds})` : `not readable (the database failed or did not answer within ${seconds})`;
  } finally {
    clearTimeout(timer);
    // Not awaited: against a database that hangs, even the goodbye would wait.
    void client.end().catch(() => undefined);
  }
  return { ready: Object.values(checks).every((c) => c === "ok"), checks };
}
