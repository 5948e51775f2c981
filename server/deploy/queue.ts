import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import type { Db } from "@/server/db/types";
import { WAKE_CHANNEL } from "./channels";
import { log } from "@/server/ops/log";

// The durable job queue (pg-boss 10) on the application's PostgreSQL, in its own schema. A job
// says "advance this deployment"; the deployment's status says how. Jobs are cheap and may repeat:
// the worker runs a deployment under an advisory lock, so two jobs never run one deployment at once.

export const DEPLOY_QUEUE = "lambdaplane-deploy";
export const QUEUE_SCHEMA = "pgboss";
/** Advisory lock key serialising queue set-up across processes (any constant unique to this use). */
const QUEUE_SETUP_LOCK = 7_246_118_301;

export interface DeployJob {
  deploymentId: string;
}

const QUEUE_OPTIONS = {
  name: DEPLOY_QUEUE,
  policy: "standard" as const,
  // A job that throws (the database went away mid-step) is tried again; the pipeline is resumable.
  retryLimit: 10,
  retryDelay: 5,
  retryBackoff: true,
  // A slice of work is at most a few minutes (PipelineEnv.sliceMs); past this a job's worker is gone.
  expireInSeconds: 15 * 60,
};

const shared = globalThis as unknown as { lambdaplaneDeployQueue?: Promise<PgBoss> };

async function underSetupLock(connectionString: string, work: () => Promise<void>): Promise<void> {
  const setup = new pg.Client({ connectionString, application_name: "lambdaplane-queue-setup" });
  await setup.connect();
  try {
    await setup.query("SELECT pg_advisory_lock($1)", [QUEUE_SETUP_LOCK]);
    await work();
  } finally {
    await setup.end();
  }
}

/** Another queue (notifications) on the process's pg-boss instance, created once under the same set-up lock. */
export async function ensureQueue(name: string, options: Omit<PgBoss.Queue, "name">): Promise<PgBoss> {
  const boss = await deployQueue();
  if (await boss.getQueue(name)) return boss;
  await underSetupLock(process.env.DATABASE_URL!, async () => {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { ...options, name });
  });
  return boss;
}

/** The process's pg-boss instance, started (schema installed or migrated) with the deploy queue created. */
export function deployQueue(): Promise<PgBoss> {
  shared.lambdaplaneDeployQueue ??= (async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: the deploy queue lives in the application's PostgreSQL.");
    const boss = new PgBoss({ connectionString, schema: QUEUE_SCHEMA, max: 4, application_name: "lambdaplane-queue" });
    boss.on("error", (error) => log.error("job queue error", { component: "deploy-queue", error }));
    // Replicas starting together deadlock inside pg-boss's createQueue (seen with two `next start`
    // on one database): one process at a time sets the queue up.
    await underSetupLock(connectionString, async () => {
      await boss.start();
      if (!(await boss.getQueue(DEPLOY_QUEUE))) await boss.createQueue(DEPLOY_QUEUE, QUEUE_OPTIONS);
    });
    return boss;
  })().catch((error: unknown) => {
    shared.lambdaplaneDeployQueue = undefined;
    throw error;
  });
  return shared.lambdaplaneDeployQueue;
}

export async function stopDeployQueue(): Promise<void> {
  const pending = shared.lambdaplaneDeployQueue;
  shared.lambdaplaneDeployQueue = undefined;
  if (pending) await (await pending).stop({ graceful: false, wait: true });
}

/** pg-boss runs its SQL through this, inside the caller's transaction. */
export function inTransaction(tx: Db) {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const params = values.map((v) => (v === undefined ? null : typeof v === "object" && v !== null && !(v instanceof Date) ? JSON.stringify(v) : v));
      return { rows: (await tx.$queryRawUnsafe(text, ...params)) as unknown[] };
    },
  };
}

/**
 * Enqueues work on a deployment in the caller's transaction: the job exists exactly when the
 * change that needs it commits. Workers are woken at commit (NOTIFY) rather than at their next poll.
 */
export async function enqueueDeployment(tx: Db, deploymentId: string): Promise<void> {
  const boss = await deployQueue();
  await boss.send(DEPLOY_QUEUE, { deploymentId } satisfies DeployJob, { db: inTransaction(tx) });
  await tx.$executeRaw`SELECT pg_notify(${WAKE_CHANNEL}, ${deploymentId})`;
}

/** Enqueues outside any transaction (the worker handing a deployment to its next slice, the sweeper). */
export async function sendDeploymentJob(deploymentId: string, startAfterSeconds = 0): Promise<void> {
  const boss = await deployQueue();
  await boss.send(DEPLOY_QUEUE, { deploymentId } satisfies DeployJob, startAfterSeconds > 0 ? { startAfter: startAfterSeconds } : {});
}
