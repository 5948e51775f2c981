// npm run worker (tsx --conditions=react-server scripts/worker.ts): deploy workers in a process of
// their own, next to (or instead of) the ones the web process runs. Any number may run against one
// PostgreSQL. SIGTERM/SIGINT end it cleanly (server/ops/shutdown.ts): no new jobs, running
// deployments handed back to the queue once their step finishes (within the grace period), exit 0.
import { stopDeployQueue } from "@/server/deploy/queue";
import { assertInstanceSettings } from "@/server/instance/check-settings";
import { startDeployWorker, workerOptionsFromEnv } from "@/server/deploy/worker";
import { startNotificationWorker } from "@/server/notifications/worker";
import { log as serverLog } from "@/server/ops/log";
import { shutDownOnSignals, stopOnShutdown } from "@/server/ops/shutdown";
import { startWorkerMetricsServer } from "@/server/ops/worker-metrics-server";
import { startDriftScheduler } from "@/server/drift/schedule";

const log = serverLog.child({ component: "worker-process" });

assertInstanceSettings();
const worker = await startDeployWorker({ ...workerOptionsFromEnv(), log: (message) => log.info(message) });
const notifications = await startNotificationWorker();
const metrics = await startWorkerMetricsServer();
const drift = await startDriftScheduler();
stopOnShutdown("deploy-worker", async (graceMs) => {
  const left = await worker.stop(graceMs);
  if (left > 0) log.warn(`${left} deployment(s) still in a step after the grace period: another worker's sweep resumes them`);
});
stopOnShutdown("notification-worker", () => notifications.stop());
stopOnShutdown("drift-scheduler", () => drift.stop());
shutDownOnSignals(async () => {
  await metrics?.close();
  await stopDeployQueue();
  log.info("stopped");
  process.exit(0);
});
log.info("ready", { metricsPort: metrics?.port });
