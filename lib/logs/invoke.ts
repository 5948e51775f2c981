import type { ReportLine } from "./types";

/** What a test invocation returned, as the result panel shows it. */
export interface InvokeResult {
  /** How it was invoked: only RequestResponse waits for the function and can carry a log tail. */
  invocationType: "RequestResponse" | "Event" | "DryRun";
  statusCode: number | null;
  /** "Unhandled" or "Handled" when the function failed; null on success. */
  functionError: string | null;
  executedVersion: string | null;
  responseBody: string | null;
  /** The decoded tail of the invocation's log (RequestResponse only). */
  logTail: string | null;
  /** Duration, billed duration, memory and init duration from the tail's REPORT line. */
  report: ReportLine | null;
  /** Measured by Lambdaplane: request to response. */
  roundTripMs: number;
}

/** Why the result has no log tail, in words; null when it has one. */
export function missingLogTailReason(result: Pick<InvokeResult, "invocationType" | "logTail" | "statusCode">): string | null {
  if (result.logTail) return null;
  switch (result.invocationType) {
    case "Event":
      return `No log tail: an Event invocation is queued${result.statusCode === 202 ? " (accepted, 202)" : ""} and returns before the function runs; its lines appear in the function's logs.`;
    case "DryRun":
      return "No log tail: a DryRun only checks that the function may be invoked with this payload; nothing ran.";
    case "RequestResponse":
      return "No log tail: the function ran, but the endpoint returned no log with its answer (AWS returns the last 4 KB; some emulators, such as moto, return none). Its lines appear in the function's logs.";
  }
}
