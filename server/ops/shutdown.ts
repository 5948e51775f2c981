import { shutdownGraceSeconds } from "@/server/instance/settings";
import { log } from "./log";
import { endAllStreams } from "./open-streams";

// What a process does when asked to stop (SIGTERM from an orchestrator, SIGINT from a terminal):
// end its event streams with a retry hint (browsers reconnect, with Last-Event-ID, to a process
// that stays), then stop its workers: they take no new job and hand the deployments they run back
// to the queue once the step under way finishes, waiting at most LAMBDAPLANE_SHUTDOWN_GRACE_SECONDS.

/** How long browsers wait before reconnecting to a stream this process ended. */
export const RETRY_HINT_MS = 1_000;

type Stop = (graceMs: number) => Promise<unknown>;

// On globalThis: instrumentation registers the web process's workers from its own module instance.
const shared = globalThis as unknown as { lambdaplaneStoppables?: Map<string, Stop> };
const stoppables = (shared.lambdaplaneStoppables ??= new Map<string, Stop>());

/** Something to stop on shutdown (a worker), by name; registering a name again replaces it. */
export function stopOnShutdown(name: string, stop: Stop): void {
  stoppables.set(name, stop);
}

/** Ends the streams and stops what was registered, in parallel, within the grace period. */
export async function shutDown(signal: string): Promise<void> {
  const graceMs = shutdownGraceSeconds() * 1000;
  const ended = endAllStreams(RETRY_HINT_MS);
  log.info(`${signal}: stopping`, { streamsEnded: ended, graceMs });
  const results = await Promise.allSettled([...stoppables.entries()].map(async ([name, stop]) => [name, await stop(graceMs)] as const));
  for (const r of results) {
    if (r.status === "rejected") log.error("shutdown: a worker failed to stop", { error: r.reason });
  }
  stoppables.clear();
}

/**
 * Runs shutDown() once on SIGTERM or SIGINT, then `after` (the worker process exits; the web
 * process leaves the exit to Next, which stops once its open requests are answered).
 */
export function shutDownOnSignals(after: () => Promise<void> | void = () => undefined): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void shutDown(signal)
      .then(after)
      .catch((error: unknown) => log.error("shutdown failed", { error }));
  };
  process.once("SIGTERM", () => handle("SIGTERM"));
  process.once("SIGINT", () => handle("SIGINT"));
}
