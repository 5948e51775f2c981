// The Server-Sent Event streams this process holds open: counted for /api/metrics and ended, with a
// retry hint, when the process is asked to stop (server/ops/shutdown.ts). On globalThis: Next loads
// instrumentation and route handlers as separate module instances.

export type StreamKind = "deployment" | "logs";

export interface OpenStream {
  kind: StreamKind;
  /** Sends `retry: <ms>` and closes; the browser's EventSource reconnects (with Last-Event-ID) to another process. */
  endForShutdown(retryMs: number): void;
}

const shared = globalThis as unknown as { lambdaplaneOpenStreams?: Set<OpenStream> };
const streams = (shared.lambdaplaneOpenStreams ??= new Set<OpenStream>());

/** Registers a stream; call the returned function when it closes. */
export function trackStream(stream: OpenStream): () => void {
  streams.add(stream);
  return () => void streams.delete(stream);
}

export function openStreamCounts(): Record<StreamKind, number> {
  const counts: Record<StreamKind, number> = { deployment: 0, logs: 0 };
  for (const s of streams) counts[s.kind] += 1;
  return counts;
}

export function endAllStreams(retryMs: number): number {
  const all = [...streams];
  for (const s of all) s.endForShutdown(retryMs);
  return all.length;
}
