import "server-only";
import { FilterLogEventsCommand, type FilterLogEventsCommandOutput } from "@aws-sdk/client-cloudwatch-logs";
import type { LogLine, LogTarget } from "@/lib/logs/types";
import { AwsCallError, awsErrorCode, translateAwsError } from "@/server/aws/errors";
import { decodeCursor, encodeCursor, firstCursor, takeNewest } from "./cursor";
import { toLogLine } from "./log-line";

// Reading a stage's logs with FilterLogEvents: every function's log group, merged by time, newest first.

export interface Paging {
  /** Lines a page shows (more only when lines share the page's oldest millisecond). */
  pageSize: number;
  /** Events of one log group a window may hold before a narrower window is read instead. */
  windowCap: number;
  /** FilterLogEvents' `limit` (at most 10,000). */
  callLimit: number;
  /** Windows read or narrowed per page before it is answered with what it has. */
  maxWindows: number;
}

const PAGING: Paging = { pageSize: 1000, windowCap: 5000, callLimit: 5000, maxWindows: 40 };

export interface LogQuery {
  functions: LogTarget[];
  /** The range, both ends inclusive; a cursor carries the range its first page resolved instead. */
  start: number;
  end: number;
  filterPattern: string;
  /** From a previous page; null for the newest lines of the range. */
  cursor: string | null;
  endpoint?: string | null;
  paging?: Partial<Paging>;
}

export interface LogPage {
  /** Newest first; every line is older than every line of the page before. */
  lines: LogLine[];
  /** For "load older"; null when the whole range has been read. */
  cursor: string | null;
  /** Log groups that do not exist yet (a function never invoked writes none). */
  missingLogGroups: string[];
  /** The page has every line from here to the previous page's oldest; older ones come with the cursor. */
  readFrom: number;
  /** The range being paged, as resolved for its first page. */
  start: number;
  end: number;
}

/** The user's query was refused: the filter pattern (AWS's words) or a cursor. */
export class LogQueryError extends Error {
  constructor(
    readonly status: 400,
    message: string,
    readonly field?: "filter" | "cursor",
  ) {
    super(message);
  }
}

// CloudWatch's words for a pattern it refuses: "Invalid filter pattern", "Invalid character(s) in term '?'",
// "If a filter pattern starts with '{' it must end with '}'". Other InvalidParameterExceptions (times) are not the user's filter.
const PATTERN_REFUSAL = /pattern|\bterm\b/i;

/** AWS's own words for a rejected pattern (on the filter field), or the failed call translated. */
export function logsError(error: unknown, doing: string, action: string, endpoint?: string | null): LogQueryError | AwsCallError {
  const code = awsErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "InvalidParameterException" && PATTERN_REFUSAL.test(message)) {
    const said = /^Invalid filter pattern/i.test(message) ? message : `Invalid filter pattern: ${message}`;
    return new LogQueryError(400, said.endsWith(".") || said.endsWith("'") ? said : `${said}.`, "filter");
  }
  return new AwsCallError(translateAwsError(error, { action, doing, endpoint }));
}

/** Oldest first (the live tail's order). */
export const byTime = (a: LogLine, b: LogLine) => a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What reading needs of a CloudWatch Logs client (the paging property test simulates just this). */
export interface FilterLogEventsClient {
  send(command: FilterLogEventsCommand): Promise<FilterLogEventsCommandOutput>;
}

type WindowRead = { kind: "read"; lines: LogLine[] } | { kind: "missing" } | { kind: "overflow" };

/**
 * One log group's events in [from, upTo], both inclusive as in FilterLogEvents, following nextToken
 * to the end. FilterLogEvents pages forward in time, so a window with more than `cap` events is given
 * up (the caller reads a narrower one) instead of read to its end; a single millisecond is always read whole.
 */
async function readGroupWindow(logs: FilterLogEventsClient, fn: LogTarget, from: number, upTo: number, q: LogQuery, paging: Paging): Promise<WindowRead> {
  const lines: LogLine[] = [];
  let nextToken: string | undefined;
  do {
    let out: FilterLogEventsCommandOutput;
    try {
      out = await logs.send(
        new FilterLogEventsCommand({
          logGroupName: fn.logGroupName,
          startTime: from,
          endTime: upTo,
          ...(q.filterPattern ? { filterPattern: q.filterPattern } : {}),
          ...(nextToken ? { nextToken } : {}),
          limit: paging.callLimit,
        }),
      );
    } catch (error) {
      if (awsErrorCode(error) === "ResourceNotFoundException") return { kind: "missing" };
      throw logsError(error, `reading the log group ${fn.logGroupName}`, "logs:FilterLogEvents", q.endpoint);
    }
    for (const e of out.events ?? []) {
      lines.push(toLogLine({ id: e.eventId ?? `${fn.name}/${e.logStreamName}/${e.timestamp}/${lines.length}`, timestamp: e.timestamp ?? 0, logStream: e.logStreamName ?? "", message: e.message ?? "" }, fn.name));
    }
    nextToken = out.nextToken;
    if (nextToken && lines.length >= paging.windowCap && from < upTo) return { kind: "overflow" };
  } while (nextToken);
  return { kind: "read", lines };
}

/**
 * The newest lines at or before the cursor (the range's end for the first page): windows ending at the
 * cursor, each read to its end across every log group, widened backwards until a page is full or the
 * range's start is reached, narrowed when one holds too many events to read.
 */
export async function filterLogEvents(logs: FilterLogEventsClient, q: LogQuery): Promise<LogPage> {
  const cursor = q.cursor === null ? firstCursor(q.start, q.end) : decodeCursor(q.cursor);
  if (!cursor) throw new LogQueryError(400, "cursor: not a cursor this viewer issued; reload the logs.", "cursor");
  const paging = { ...PAGING, ...q.paging };
  const missing = new Set<string>();
  const read: LogLine[] = [];
  let upTo = cursor.upTo;
  let width = cursor.width;

  for (let attempt = 0; upTo >= cursor.rangeStart && read.length < paging.pageSize; attempt++) {
    // Always finish at least one window, so that every "Load older" moves back.
    if (attempt >= paging.maxWindows && upTo < cursor.upTo) break;
    const from = Math.max(cursor.rangeStart, upTo - width + 1);
    const groups = q.functions.filter((f) => !missing.has(f.logGroupName));
    const results = await Promise.all(groups.map((fn) => readGroupWindow(logs, fn, from, upTo, q, paging)));
    if (results.some((r) => r.kind === "overflow")) {
      width = Math.max(1, Math.ceil((upTo - from + 1) / 2));
      continue;
    }
    results.forEach((r, i) => {
      if (r.kind === "read") read.push(...r.lines);
      else missing.add(groups[i].logGroupName);
    });
    upTo = from - 1;
    if (read.length < paging.pageSize) width *= 2;
  }

  const page = takeNewest(read, paging.pageSize);
  // The page ends at its oldest line when older lines were read, else where reading stopped.
  const oldestRead = page.rest ? page.lines[page.lines.length - 1].timestamp : upTo + 1;
  const next = oldestRead - 1;
  return {
    lines: page.lines,
    cursor:
      next >= cursor.rangeStart
        ? encodeCursor({ ...cursor, upTo: next, width: page.rest ? Math.max(1, cursor.upTo - next) : width })
        : null,
    missingLogGroups: [...missing].sort(),
    readFrom: Math.max(cursor.rangeStart, oldestRead),
    start: cursor.rangeStart,
    end: cursor.rangeEnd,
  };
}
