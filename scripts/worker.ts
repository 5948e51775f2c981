// npm run worker (tsx --conditions=react-server scripts/worker.ts): deploy workers in a process of
// their own, next to (or instead of) the ones the web process runs. Any number may run against one
// PostgreSQL. SIGTERM/SIGINT stop taking work and hand running deployments back to the queue.
import { stopDeployQueue } from "@/server/deploy/queue";
import { assertInstanceSettings } from "@/server/instance/check-settings";
import { startDeployWorker, workerOptionsFromEnv } from "@/server/deploy/worker";
import { startNotificationWorker } from "@/server/notifications/worker";
import { startDriftScheduler } from "@/server/drift/schedule";

const log = (message: string) => console.log(`[deploy-worker ${process.pid}] ${message}`);

assertInstanceSettings();
const worker = await startDeployWorker({ ...workerOptionsFromEnv(), log });
const notifications = await startNotificationWorker();
const drift = await startDriftScheduler();
log("ready");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  await worker.stop();
  await notifications.stop();
  await drift.stop();
  await stopDeployQueue();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
