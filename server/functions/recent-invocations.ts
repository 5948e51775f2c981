// Recent invocations from a function's log lines: one per REPORT line (parsed by the logs module's
// parser), failed when the same request wrote an error or timeout line or its REPORT says so. Pure.
import type { Invocation, RecentInvocations } from "@/lib/functions/types";
import { toLogLine, type RawEvent } from "@/server/logs/log-line";

/** The page shows this many; the counts cover every REPORT line read. */
export const SHOWN_INVOCATIONS = 50;

// A timeout, a crash (REPORT "Status: error|timeout" on the newer runtimes) or a runtime's ERROR line.
const FAILURE = /Task timed out|\bStatus:\s*(?:error|timeout)\b|Runtime\.\w+(?:Error|Exit)/;
// Lambda's own timeout line separates the request id with spaces, not the runtimes' tabs.
const REQUEST_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

function failedRequests(events: RawEvent[]): Set<string> {
  const failed = new Set<string>();
  for (const event of events) {
    const line = toLogLine(event, "");
    const requestId = line.requestId ?? REQUEST_ID.exec(event.message)?.[0];
    if (requestId && (FAILURE.test(event.message) || (line.level === "error" && !line.report))) failed.add(requestId);
  }
  return failed;
}

export interface InvocationWindow {
  start: number;
  end: number;
  capped: boolean;
  readUntil: number;
  noLogGroup: boolean;
}

/** `events` in any order, the REPORT lines and the error lines of the window (other lines are ignored). */
export function summarizeInvocations(events: RawEvent[], window: InvocationWindow): RecentInvocations {
  const failed = failedRequests(events);
  const invocations: Invocation[] = [];
  for (const event of events) {
    const report = toLogLine(event, "").report;
    if (!report) continue;
    invocations.push({
      timestamp: event.timestamp,
      requestId: report.requestId,
      durationMs: report.durationMs,
      billedDurationMs: report.billedDurationMs,
      memorySizeMb: report.memorySizeMb,
      maxMemoryUsedMb: report.maxMemoryUsedMb,
      initDurationMs: report.initDurationMs ?? null,
      failed: failed.has(report.requestId),
    });
  }
  invocations.sort((a, b) => b.timestamp - a.timestamp);
  const errors = invocations.filter((i) => i.failed).length;
  return {
    ...window,
    invocations: invocations.slice(0, SHOWN_INVOCATIONS),
    count: invocations.length,
    coldStarts: invocations.filter((i) => i.initDurationMs !== null).length,
    errors,
    errorRate: invocations.length ? errors / invocations.length : null,
  };
}
