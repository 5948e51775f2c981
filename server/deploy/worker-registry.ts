// How many deploy workers this process runs, for the readiness check. On globalThis: Next loads
// instrumentation (which starts the workers) and route handlers as separate module instances.
const shared = globalThis as unknown as { lambdaplaneDeployWorkers?: number };

export function deployWorkerStarted(): void {
  shared.lambdaplaneDeployWorkers = (shared.lambdaplaneDeployWorkers ?? 0) + 1;
}

export function deployWorkerStopped(): void {
  shared.lambdaplaneDeployWorkers = Math.max(0, (shared.lambdaplaneDeployWorkers ?? 0) - 1);
}

export function runningDeployWorkers(): number {
  return shared.lambdaplaneDeployWorkers ?? 0;
}
