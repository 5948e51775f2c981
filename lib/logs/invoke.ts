import type { ReportLine } from "./types";

/** What a test invocation returned, as the result panel shows it. */
export interface InvokeResult {
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
