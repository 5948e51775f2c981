import "server-only";
import { attemptDelivery } from "./deliver";
import { NOTIFY_QUEUE, notifyQueue, type NotifyJob } from "./queue";

// Notification workers: pg-boss consumers of the notify queue, started next to the deploy workers
// (in the web process by default, and in `npm run worker`). A job that throws is retried by
// pg-boss with exponential backoff until its retry limit; its last failure marks the delivery failed.

export interface NotificationWorker {
  stop(): Promise<void>;
}

export async function startNotificationWorker(options: { pollingIntervalSeconds?: number; concurrency?: number } = {}): Promise<NotificationWorker> {
  const boss = await notifyQueue();
  const workOptions = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await Promise.all(
    Array.from({ length: options.concurrency ?? 2 }, () =>
      boss.work<NotifyJob>(NOTIFY_QUEUE, workOptions, async ([job]) => {
        await attemptDelivery(job.data.deliveryId, { now: () => new Date(), lastAttempt: job.retryCount >= job.retryLimit });
      }),
    ),
  );
  return { stop: () => boss.offWork(NOTIFY_QUEUE) };
}
