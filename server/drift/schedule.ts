import "server-only";
import { db } from "@/server/db/client";
import { ensureQueue } from "@/server/deploy/queue";
import { errorForLog } from "@/server/redact/error-for-log";
import { defaultDriftEnv, performDriftCheck, type DriftEnv } from "./check-stage";
import { recordDriftCheck } from "./store";

// Scheduled drift checks: a pg-boss schedule sends one sweep job every SWEEP_CRON (one per tick for
// all processes), and the worker that takes it checks the stages whose interval has passed since
// their last check, oldest first, at most MAX_PER_SWEEP, one after the other.

export const DRIFT_QUEUE = "lambdaplane-drift";
const SWEEP_CRON = "*/10 * * * *";
export const MAX_PER_SWEEP = 50;
const HOUR_MS = 3_600_000;

/** The deployed stages with scheduled checks on whose interval has passed at `now`, least recently checked first. */
export async function dueStages(now: Date): Promise<string[]> {
  const stages = await db().stage.findMany({
    where: { driftCheckIntervalHours: { not: null }, deployedStackName: { not: null }, awsConnectionId: { not: null } },
    select: { id: true, driftCheckIntervalHours: true, driftChecks: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } } },
  });
  const last = (s: (typeof stages)[number]) => s.driftChecks[0]?.createdAt.getTime() ?? 0;
  return stages
    .filter((s) => now.getTime() - last(s) >= (s.driftCheckIntervalHours ?? 0) * HOUR_MS)
    .sort((a, b) => last(a) - last(b))
    .slice(0, MAX_PER_SWEEP)
    .map((s) => s.id);
}

/** One sweep: checks every due stage and records each result as started by the schedule. Returns the stages checked. */
export async function runDueDriftChecks(now: Date, env: DriftEnv = defaultDriftEnv): Promise<string[]> {
  const checked: string[] = [];
  for (const stageId of await dueStages(now)) {
    try {
      const outcome = await performDriftCheck(db(), stageId, env);
      await db().$transaction((tx) => recordDriftCheck(tx, outcome, null));
      checked.push(stageId);
    } catch (error) {
      // One stage's failure (its revision no longer parses in time, the database hiccuped) must not stop the others.
      console.error(`[drift] scheduled check of stage ${stageId} failed:`, errorForLog(error));
    }
  }
  return checked;
}

export interface DriftScheduler {
  stop(): Promise<void>;
}

export async function startDriftScheduler(): Promise<DriftScheduler> {
  const boss = await ensureQueue(DRIFT_QUEUE, { policy: "singleton", expireInSeconds: 30 * 60, retryLimit: 0 });
  await boss.schedule(DRIFT_QUEUE, SWEEP_CRON);
  await boss.work(DRIFT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    await runDueDriftChecks(new Date());
  });
  return { stop: () => boss.offWork(DRIFT_QUEUE) };
}
