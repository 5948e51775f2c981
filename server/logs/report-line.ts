// Lambda's per-invocation summary line, e.g.
// "REPORT RequestId: 8f5…\tDuration: 102.25 ms\tBilled Duration: 103 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.10 ms"
// Pure.
import type { ReportLine } from "@/lib/logs/types";

const REPORT = /^REPORT RequestId:\s*(\S+)/;

function field(message: string, label: string): number | undefined {
  const m = new RegExp(`${label}:\\s*([0-9.]+)\\s*(ms|MB)`).exec(message);
  return m ? Number(m[1]) : undefined;
}

/** The REPORT line's numbers, or null when the message is not a (complete) REPORT line. */
export function parseReportLine(message: string): ReportLine | null {
  const head = REPORT.exec(message);
  if (!head) return null;
  const durationMs = field(message, "(?<!Billed |Init |Restore )Duration");
  const billedDurationMs = field(message, "Billed Duration");
  const memorySizeMb = field(message, "Memory Size");
  const maxMemoryUsedMb = field(message, "Max Memory Used");
  if (durationMs === undefined || billedDurationMs === undefined || memorySizeMb === undefined || maxMemoryUsedMb === undefined) return null;
  const initDurationMs = field(message, "Init Duration");
  return {
    requestId: head[1],
    durationMs,
    billedDurationMs,
    memorySizeMb,
    maxMemoryUsedMb,
    ...(initDurationMs === undefined ? {} : { initDurationMs }),
  };
}
