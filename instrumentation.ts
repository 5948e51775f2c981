// Deploy workers run inside the web process by default (one process is enough to self-host);
// set LAMBDAPLANE_WORKER=off on web replicas when workers run separately (`npm run worker`).
const RETRY_MS = 15_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.LAMBDAPLANE_WORKER === "off") return;
  const { startDeployWorker, workerOptionsFromEnv } = await import("@/server/deploy/worker");
  // The web server must come up even when the workers cannot (database briefly unreachable):
  // keep trying in the background and say so in the log.
  const start = () =>
    startDeployWorker(workerOptionsFromEnv()).catch((error: unknown) => {
      console.error(`[deploy-worker] could not start (${error instanceof Error ? error.message : String(error)}); retrying in ${RETRY_MS / 1000} s`);
      setTimeout(start, RETRY_MS).unref();
    });
  void start();
}
