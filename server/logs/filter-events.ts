import "server-only";
import { FilterLogEventsCommand, type CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { LogLine, LogTarget } from "@/lib/logs/types";
import { awsErrorCode, describeAwsError } from "@/server/aws/errors";
import { decodeCursor, encodeCursor, firstSlice, olderSlice, type LogCursor } from "./cursor";
import { toLogLine } from "./log-line";

// Reading a stage's logs with FilterLogEvents: every function's log group, merged by time.

export interface LogQuery {
  functions: LogTarget[];
  start: number;
  end: number;
  filterPattern: string;
  /** From a previous page; null for the newest lines of the range. */
  cursor: string | null;
  endpoint?: string | null;
  /** Events per log group and call (FilterLogEvents allows up to 10,000). */
  limit?: number;
}

export interface LogPage {
  /** Oldest first. */
  lines: LogLine[];
  /** For "load older"; null when the whole range has been read. */
  cursor: string | null;
  /** Log groups that do not exist yet (a function never invoked writes none). */
  missingLogGroups: string[];
  /** Lines older than this have not been read yet. */
  readFrom: number;
}

export class LogQueryError extends Error {
  constructor(
    readonly status: 400 | 403 | 502,
    message: string,
    readonly field?: "filterPattern" | "cursor",
  ) {
    super(message);
  }
}

const PAGE_LIMIT = 1000;
/** Empty slices are skipped in one request, up to this many (doubling widths cover years in a few). */
const MAX_SLICES = 16;

// CloudWatch's words for a pattern it refuses: "Invalid filter pattern", "Invalid character(s) in term '?'",
// "If a filter pattern starts with '{' it must end with '}'". Other InvalidParameterExceptions (times) are not the user's filter.
const PATTERN_REFUSAL = /pattern|\bterm\b/i;

/** AWS's own words for a rejected pattern (on the filter field), an access denial naming the action, or the error as described. */
export function logsError(error: unknown, doing: string, iamAction: string, endpoint?: string | null): LogQueryError {
  const code = awsErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "InvalidParameterException" && PATTERN_REFUSAL.test(message)) {
    const said = /^Invalid filter pattern/i.test(message) ? message : `Invalid filter pattern: ${message}`;
    return new LogQueryError(400, said.endsWith(".") || said.endsWith("'") ? said : `${said}.`, "filterPattern");
  }
  const described = describeAwsError(error, { doing, endpoint, iamAction });
  return new LogQueryError(/^Access denied/.test(described) ? 403 : 502, described);
}

async function filterGroup(logs: CloudWatchLogsClient, fn: LogTarget, slice: LogCursor, q: LogQuery, token: string | undefined) {
  try {
    const out = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: fn.logGroupName,
        startTime: slice.start,
        endTime: slice.end,
        ...(q.filterPattern ? { filterPattern: q.filterPattern } : {}),
        ...(token ? { nextToken: token } : {}),
        limit: q.limit ?? PAGE_LIMIT,
      }),
    );
    const lines = (out.events ?? []).map((e, i) =>
      toLogLine({ id: e.eventId ?? `${fn.name}/${e.logStreamName}/${e.timestamp}/${i}`, timestamp: e.timestamp ?? 0, logStream: e.logStreamName ?? "", message: e.message ?? "" }, fn.name),
    );
    return { lines, nextToken: out.nextToken, missing: false };
  } catch (error) {
    if (awsErrorCode(error) === "ResourceNotFoundException") return { lines: [], nextToken: undefined, missing: true };
    throw logsError(error, `reading the log group ${fn.logGroupName}`, "logs:FilterLogEvents", q.endpoint);
  }
}

export const byTime = (a: LogLine, b: LogLine) => a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function filterLogEvents(logs: CloudWatchLogsClient, q: LogQuery): Promise<LogPage> {
  let slice: LogCursor | null = q.cursor === null ? firstSlice(q.start, q.end) : decodeCursor(q.cursor);
  if (!slice) throw new LogQueryError(400, "cursor: not a cursor this viewer issued; reload the logs.", "cursor");
  const lines: LogLine[] = [];
  const missing = new Set<string>();

  for (let i = 0; i < MAX_SLICES && slice; i++) {
    const current: LogCursor = slice;
    const wanted = current.tokens === null ? q.functions : q.functions.filter((f) => Object.hasOwn(current.tokens!, f.logGroupName));
    const results = await Promise.all(wanted.map((fn) => filterGroup(logs, fn, current, q, current.tokens?.[fn.logGroupName])));
    const tokens: Record<string, string> = {};
    results.forEach((r, j) => {
      lines.push(...r.lines);
      if (r.missing) missing.add(wanted[j].logGroupName);
      if (r.nextToken) tokens[wanted[j].logGroupName] = r.nextToken;
    });
    if (Object.keys(tokens).length > 0) {
      slice = { ...current, tokens };
      break;
    }
    slice = olderSlice(current, q.start);
    if (lines.length > 0) break;
  }
  lines.sort(byTime);
  return {
    lines,
    cursor: slice ? encodeCursor(slice) : null,
    missingLogGroups: [...missing].sort(),
    readFrom: slice ? (slice.tokens ? slice.start : slice.end + 1) : q.start,
  };
}
