// What the log viewer, the live tail and test invoke exchange between server and browser.

export type LogLevel = "error" | "warn" | "info" | "debug" | "trace";

/** The numbers of a Lambda REPORT line. */
export interface ReportLine {
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  initDurationMs?: number;
}

export interface LogLine {
  /** Unique within the stage: CloudWatch's event id, or one derived from the event for live tail. */
  id: string;
  timestamp: number;
  /** The function's name in the stack definition. */
  functionName: string;
  logStream: string;
  message: string;
  level: LogLevel | null;
  requestId: string | null;
  /** Where a JSON object or array starts in `message` (after Lambda's tab-separated prefix), if it has one. */
  jsonOffset: number | null;
  report: ReportLine | null;
}

/** A function of a deployed stage, as the viewer addresses it. */
export interface LogTarget {
  name: string;
  physicalName: string;
  logGroupName: string;
}
