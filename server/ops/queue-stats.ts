import "server-only";
import { db } from "@/server/db/client";
import { DEPLOY_QUEUE, QUEUE_SCHEMA } from "@/server/deploy/queue";
import { NOTIFY_QUEUE } from "@/server/notifications/queue";

// Queue depth and the age of the oldest job that could run, read from pg-boss's job table at each
// scrape. Bounded and cheap: only jobs not yet finished (pg-boss's partial index job_i5 on
// name, start_after covers the waiting ones), and a statement timeout.

export const QUEUES = [DEPLOY_QUEUE, NOTIFY_QUEUE] as const;
const TIMEOUT_MS = 2_000;

export interface QueueStats {
  queue: string;
  /** Jobs ready or scheduled, not yet taken. */
  waiting: number;
  /** Jobs a worker has taken and not finished. */
  active: number;
  /** Seconds the oldest ready job has waited since it could start; 0 when none waits. */
  oldestWaitingSeconds: number;
}

const STATS_SQL = `
  SELECT name,
         count(*) FILTER (WHERE state < 'active')::int AS waiting,
         count(*) FILTER (WHERE state = 'active')::int AS active,
         coalesce(extract(epoch FROM now() - min(start_after) FILTER (WHERE state < 'active' AND start_after <= now())), 0)::float8 AS oldest
  FROM ${QUEUE_SCHEMA}.job
  WHERE name = ANY($1::text[]) AND state <= 'active'
  GROUP BY name`;

export async function readQueueStats(): Promise<QueueStats[]> {
  const rows = await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${TIMEOUT_MS}`);
    return tx.$queryRawUnsafe<{ name: string; waiting: number; active: number; oldest: number }[]>(STATS_SQL, [...QUEUES]);
  });
  return QUEUES.map((queue) => {
    const row = rows.find((r) => r.name === queue);
    return { queue, waiting: row?.waiting ?? 0, active: row?.active ?? 0, oldestWaitingSeconds: row ? Math.max(0, row.oldest) : 0 };
  });
}
