// Deploy workers run inside the web process by default (one process is enough to self-host);
// set LAMBDAPLANE_WORKER=off on web replicas when workers run separately (`npm run worker`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.LAMBDAPLANE_WORKER === "off") return;
  const { startDeployWorker, workerOptionsFromEnv } = await import("@/server/deploy/worker");
  await startDeployWorker(workerOptionsFromEnv());
}
