import "server-only";
import type PgBoss from "pg-boss";
import type { Db } from "@/server/db/types";
import { deployQueue, ensureQueue, inTransaction } from "@/server/deploy/queue";

// Deliveries run in pg-boss jobs (the deploy queue's instance, a queue of their own), never in a
// request: a slow or failing receiver delays nothing, and pg-boss retries with exponential backoff.

export const NOTIFY_QUEUE = "lambdaplane-notify";

export interface NotifyJob {
  deliveryId: string;
}

/** Retries and their first delay (doubling each time, with jitter); LAMBDAPLANE_NOTIFY_RETRY_DELAY_S shortens it for tests. */
export function retryPolicy(env: Record<string, string | undefined> = process.env) {
  const raw = env.LAMBDAPLANE_NOTIFY_RETRY_DELAY_S;
  const delay = raw === undefined || raw === "" ? 10 : Number(raw);
  if (!Number.isInteger(delay) || delay < 1) throw new Error(`LAMBDAPLANE_NOTIFY_RETRY_DELAY_S must be a whole number of seconds, at least 1; it is "${raw}".`);
  // 10 s first: about 10, 20, 40 ... s, some 2.8 hours across the 10 retries.
  return { retryLimit: 10, retryDelay: delay, retryBackoff: true };
}

// Databases whose notify queue this process has seen exist: sends then skip the lookup.
const ready = new Set<string>();

export async function notifyQueue(): Promise<PgBoss> {
  const key = process.env.DATABASE_URL ?? "";
  if (ready.has(key)) return deployQueue();
  const boss = await ensureQueue(NOTIFY_QUEUE, { policy: "standard", expireInSeconds: 5 * 60, ...retryPolicy() });
  ready.add(key);
  return boss;
}

/** Enqueues a delivery in the caller's transaction: the job exists exactly when the delivery row commits. */
export async function enqueueDelivery(tx: Db, deliveryId: string): Promise<void> {
  const boss = await notifyQueue();
  await boss.send(NOTIFY_QUEUE, { deliveryId } satisfies NotifyJob, { ...retryPolicy(), db: inTransaction(tx) });
}
