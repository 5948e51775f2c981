// Deploy and notification workers run inside the web process by default (one process is enough to
// self-host); set LAMBDAPLANE_WORKER=off on web replicas when workers run separately (`npm run worker`).
const RETRY_MS = 15_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A mistyped instance setting stops the start here, naming it, instead of failing requests later.
  (await import("@/server/instance/check-settings")).exitOnBadInstanceSettings();
  const { log } = await import("@/server/ops/log");
  const { shutDownOnSignals, stopOnShutdown } = await import("@/server/ops/shutdown");
  // On SIGTERM: end event streams with a retry hint, so that Next (which exits once open requests
  // are answered) is not held by them, and hand running deployments back to the queue.
  shutDownOnSignals();

  /** The web server must come up even when workers cannot (database briefly unreachable): keep trying in the background and say so in the log. */
  const keepTrying = (name: string, start: () => Promise<{ stop: (graceMs: number) => Promise<unknown> }>): void => {
    const attempt = () =>
      start()
        .then((worker) => stopOnShutdown(name, (graceMs) => worker.stop(graceMs)))
        .catch((error: unknown) => {
          log.error(`${name} could not start; retrying in ${RETRY_MS / 1000} s`, { error });
          setTimeout(attempt, RETRY_MS).unref();
        });
    void attempt();
  };

  // Before the first request: per-address rate limits need each request's TCP peer.
  const { trackPeerAddresses } = await import("@/server/rate-limit/client-address");
  trackPeerAddresses();
  await (await import("@/server/compute/pool")).startComputePool();
  if (process.env.LAMBDAPLANE_WORKER === "off") return;
  const { startDeployWorker, workerOptionsFromEnv } = await import("@/server/deploy/worker");
  const { startNotificationWorker } = await import("@/server/notifications/worker");
  keepTrying("deploy-worker", () => startDeployWorker(workerOptionsFromEnv()));
  keepTrying("notification-worker", () => startNotificationWorker());
  const { startDriftScheduler } = await import("@/server/drift/schedule");
  keepTrying("drift-scheduler", () => startDriftScheduler());
}
