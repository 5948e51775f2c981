import "server-only";
import pg from "pg";
import type PgBoss from "pg-boss";
import { db } from "@/server/db/client";
import { quoteChannel, WAKE_CHANNEL } from "./channels";
import { isDeploymentLocked, tryLockDeployment } from "./lock";
import { runDeployment } from "./pipeline";
import { DEPLOY_QUEUE, deployQueue, QUEUE_SCHEMA, sendDeploymentJob, type DeployJob } from "./queue";
import { defaultPipelineEnv, type PipelineEnv } from "./run-context";
import { deployWorkerStarted, deployWorkerStopped } from "./worker-registry";
import { log as serverLog } from "@/server/ops/log";

// Deploy workers: pg-boss consumers that run deployments. They run inside the web process by
// default and as `npm run worker` processes; any number of them share the work through the queue.
// A sweep (at start and every so often) re-enqueues in-flight deployments nobody is running, which
// is how deployments cut short by a crash or a restart are followed again.

export interface DeployWorkerOptions {
  /** Deployments this process runs at once (default 4). */
  concurrency?: number;
  /** How often idle consumers look for jobs when no NOTIFY wakes them (seconds, default 2). */
  pollingIntervalSeconds?: number;
  /** How often to look for in-flight deployments nobody runs (default 30 s). */
  sweepIntervalMs?: number;
  pipeline?: Partial<Omit<PipelineEnv, "signal">>;
  log?: (message: string) => void;
}

/** Operators' knobs: LAMBDAPLANE_DEPLOY_CONCURRENCY, LAMBDAPLANE_DEPLOY_POLL_MS (CloudFormation reads), LAMBDAPLANE_DEPLOY_SWEEP_MS. */
export function workerOptionsFromEnv(env: Record<string, string | undefined> = process.env): DeployWorkerOptions {
  const number = (name: string) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number; it is "${raw}".`);
    return value;
  };
  const pollMs = number("LAMBDAPLANE_DEPLOY_POLL_MS");
  return {
    concurrency: number("LAMBDAPLANE_DEPLOY_CONCURRENCY"),
    sweepIntervalMs: number("LAMBDAPLANE_DEPLOY_SWEEP_MS"),
    ...(pollMs ? { pipeline: { pollMs } } : {}),
  };
}

export interface DeployWorker {
  /** Re-enqueues in-flight deployments that no worker runs and no job waits for; returns their ids. */
  sweep(): Promise<string[]>;
  /**
   * Stops taking work, lets running deployments reach their next wait (the step under way finishes)
   * and hands them back to the queue. Waits at most `graceMs` (default: as long as it takes); a
   * deployment still in a step then is left to the sweep of another worker once this process's
   * database connections (and with them its advisory locks) are gone. Resolves to the deployments
   * still running.
   */
  stop(graceMs?: number): Promise<number>;
}

const STALLED_SQL = (schema: string) => `
  SELECT d."id" FROM "Deployment" d
  WHERE d."activeStageId" IS NOT NULL
    AND (d."status" <> 'awaiting_approval' OR d."approvedById" IS NOT NULL)
    AND NOT EXISTS (
      SELECT 1 FROM ${schema}.job j
      WHERE j.name = $1 AND j.state IN ('created', 'retry') AND j.data->>'deploymentId' = d."id"
    )
  ORDER BY d."createdAt"`;

function abortableSleep(signal: AbortSignal) {
  return (ms: number) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done, { once: true });
    });
}

export async function startDeployWorker(options: DeployWorkerOptions = {}): Promise<DeployWorker> {
  const log = options.log ?? ((message: string) => serverLog.info(message, { component: "deploy-worker" }));
  const concurrency = options.concurrency ?? 4;
  const boss: PgBoss = await deployQueue();
  const abort = new AbortController();
  const env: PipelineEnv = { ...defaultPipelineEnv, sleep: abortableSleep(abort.signal), ...options.pipeline, signal: abort.signal };
  const running = new Set<Promise<void>>();

  async function run(deploymentId: string): Promise<void> {
    const lock = await tryLockDeployment(deploymentId);
    if (!lock) return; // another worker runs it and will hand it on
    let outcome: Awaited<ReturnType<typeof runDeployment>>;
    try {
      outcome = await runDeployment(deploymentId, env);
    } finally {
      await lock.release();
    }
    if (outcome === "again") await sendDeploymentJob(deploymentId, abort.signal.aborted ? 0 : Math.ceil(env.pollMs / 1000));
  }

  const handler = async (jobs: PgBoss.Job<DeployJob>[]) => {
    for (const job of jobs) {
      const work = run(job.data.deploymentId);
      running.add(work);
      try {
        await work;
      } finally {
        running.delete(work);
      }
    }
  };
  const workerIds = await Promise.all(
    Array.from({ length: concurrency }, () => boss.work<DeployJob>(DEPLOY_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, handler)),
  );

  const listener = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "lambdaplane-deploy-wake" });
  await listener.connect();
  listener.on("notification", () => {
    for (const id of workerIds) boss.notifyWorker(id);
  });
  listener.on("error", (error) => log(`wake-up listener failed, falling back to polling: ${error.message}`));
  await listener.query(`LISTEN ${quoteChannel(WAKE_CHANNEL)}`);

  async function sweep(): Promise<string[]> {
    const rows = await db().$queryRawUnsafe<{ id: string }[]>(STALLED_SQL(QUEUE_SCHEMA), DEPLOY_QUEUE);
    const resumed: string[] = [];
    const probe = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "lambdaplane-deploy-sweep" });
    await probe.connect();
    try {
      for (const { id } of rows) {
        if (await isDeploymentLocked(probe, id)) continue;
        await sendDeploymentJob(id);
        resumed.push(id);
      }
    } finally {
      await probe.end();
    }
    if (resumed.length > 0) log(`resuming ${resumed.length} in-flight deployment(s): ${resumed.join(", ")}`);
    return resumed;
  }

  const sweeper = setInterval(() => {
    sweep().catch((error: unknown) => log(`sweep failed: ${(error as Error).message}`));
  }, options.sweepIntervalMs ?? 30_000);
  sweeper.unref();
  await sweep();
  log(`${concurrency} consumer(s) on the ${DEPLOY_QUEUE} queue`);
  deployWorkerStarted();

  return {
    sweep,
    async stop(graceMs?: number) {
      if (!abort.signal.aborted) deployWorkerStopped();
      clearInterval(sweeper);
      abort.abort();
      await boss.offWork(DEPLOY_QUEUE);
      let timer: NodeJS.Timeout | undefined;
      const settled = Promise.allSettled([...running]);
      await (graceMs === undefined ? settled : Promise.race([settled, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]));
      clearTimeout(timer);
      await listener.end().catch(() => undefined);
      return running.size;
    },
  };
}
