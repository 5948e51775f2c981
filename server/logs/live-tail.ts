import "server-only";
import { FilterLogEventsCommand, StartLiveTailCommand, type CloudWatchLogsClient, type LiveTailSessionLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import type { LogLine, LogTarget } from "@/lib/logs/types";
import { AwsCallError, awsErrorCode, translateAwsError, type AwsProblem } from "@/server/aws/errors";
import { byTime, logsError } from "./filter-events";
import { toLogLine } from "./log-line";

// Live tail of a stage's functions: one CloudWatch Logs StartLiveTail session per viewer, renewed
// when AWS ends it (sessions last at most three hours) or its stream breaks; where StartLiveTail is
// unavailable (moto, LocalStack community, a role without logs:StartLiveTail) it polls FilterLogEvents.

export type TailMessage =
  | { type: "mode"; mode: "live" | "polling"; reason?: string; details?: string }
  | { type: "session"; state: "started" | "reconnecting" | "ended"; detail?: string; details?: string }
  | { type: "lines"; lines: LogLine[]; sampled?: boolean };

export interface TailOptions {
  functions: LogTarget[];
  filterPattern: string;
  signal: AbortSignal;
  /** The log group's ARN, which StartLiveTail wants (names are not accepted). */
  logGroupArn: (logGroupName: string) => string;
  endpoint?: string | null;
  pollMs?: number;
  /** Consecutive failed reconnects before the tail gives up. */
  maxReconnects?: number;
  /** Pause before reconnecting a broken stream (not a timed-out session: that reconnects at once). */
  reconnectDelayMs?: number;
}

/** StartLiveTail takes at most ten log groups per session. */
export const LIVE_TAIL_MAX_GROUPS = 10;
const POLL_MS = 1000;
/** Polling re-reads this much history each time: CloudWatch makes events searchable a little after they are written. */
const POLL_LOOKBACK_MS = 10_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });

/** Which function a live-tail event's log group identifier (an ARN or a name) belongs to. */
export function functionOfGroup(functions: LogTarget[], identifier: string | undefined): LogTarget | undefined {
  if (!identifier) return functions.length === 1 ? functions[0] : undefined;
  const bare = identifier.replace(/:\*$/, "");
  return functions.find((f) => bare === f.logGroupName || bare.endsWith(`:log-group:${f.logGroupName}`) || bare.endsWith(`:${f.logGroupName}`));
}

/** The stream of a started session broke: the failed call, translated. */
class StreamBroken extends AwsCallError {}

async function* liveSession(logs: CloudWatchLogsClient, opts: TailOptions, session: number): AsyncGenerator<TailMessage> {
  const out = await logs.send(
    new StartLiveTailCommand({
      logGroupIdentifiers: opts.functions.map((f) => opts.logGroupArn(f.logGroupName)),
      ...(opts.filterPattern ? { logEventFilterPattern: opts.filterPattern } : {}),
    }),
    { abortSignal: opts.signal },
  );
  if (!out.responseStream) {
    throw new StreamBroken({ kind: "not-aws", message: "CloudWatch Logs StartLiveTail answered without a stream; the tail tries again.", details: "", status: 502 });
  }
  let n = 0;
  const line = (e: LiveTailSessionLogEvent): LogLine | null => {
    const fn = functionOfGroup(opts.functions, e.logGroupIdentifier);
    if (!fn) return null;
    n += 1;
    return toLogLine({ id: `live-${session}-${n}`, timestamp: e.timestamp ?? 0, logStream: e.logStreamName ?? "", message: e.message ?? "" }, fn.name);
  };
  try {
    for await (const event of out.responseStream) {
      if (event.sessionStart) yield { type: "session", state: "started", detail: event.sessionStart.sessionId };
      if (event.sessionUpdate) {
        const lines = (event.sessionUpdate.sessionResults ?? []).map(line).filter((l): l is LogLine => l !== null);
        if (lines.length > 0) yield { type: "lines", lines: lines.sort(byTime), sampled: event.sessionUpdate.sessionMetadata?.sampled ?? false };
      }
    }
  } catch (error) {
    if (opts.signal.aborted) return;
    // A session AWS timed out is the normal end of a long tail; anything else is a broken stream.
    if (awsErrorCode(error) === "SessionTimeoutException") return;
    throw new StreamBroken(translateAwsError(error, { action: "logs:StartLiveTail", doing: "streaming the live tail", endpoint: opts.endpoint }));
  }
}

/** One poll of every group since `since`: only events not seen before. */
async function pollOnce(logs: CloudWatchLogsClient, opts: TailOptions, since: number, seen: Map<string, number>): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  await Promise.all(
    opts.functions.map(async (fn) => {
      let nextToken: string | undefined;
      do {
        let out;
        try {
          out = await logs.send(
            new FilterLogEventsCommand({ logGroupName: fn.logGroupName, startTime: since, ...(opts.filterPattern ? { filterPattern: opts.filterPattern } : {}), ...(nextToken ? { nextToken } : {}) }),
            { abortSignal: opts.signal },
          );
        } catch (error) {
          if (awsErrorCode(error) === "ResourceNotFoundException") return;
          throw error;
        }
        for (const e of out.events ?? []) {
          const key = `${fn.logGroupName}|${e.logStreamName}|${e.eventId}|${e.timestamp}`;
          if (seen.has(key)) continue;
          seen.set(key, e.timestamp ?? 0);
          lines.push(toLogLine({ id: `poll-${key}`, timestamp: e.timestamp ?? 0, logStream: e.logStreamName ?? "", message: e.message ?? "" }, fn.name));
        }
        nextToken = out.nextToken;
      } while (nextToken && !opts.signal.aborted);
    }),
  );
  return lines.sort(byTime);
}

async function* poll(logs: CloudWatchLogsClient, opts: TailOptions, from: number): AsyncGenerator<TailMessage> {
  const seen = new Map<string, number>();
  let since = from;
  while (!opts.signal.aborted) {
    const startedAt = Date.now();
    let lines: LogLine[];
    try {
      lines = await pollOnce(logs, opts, since, seen);
    } catch (error) {
      if (opts.signal.aborted) return;
      const failed = logsError(error, "polling the log groups", "logs:FilterLogEvents", opts.endpoint);
      yield { type: "session", state: "ended", detail: failed.message, ...(failed instanceof AwsCallError ? { details: failed.details } : {}) };
      return;
    }
    if (lines.length > 0) yield { type: "lines", lines };
    since = Math.max(from, startedAt - POLL_LOOKBACK_MS);
    for (const [key, at] of seen) if (at < since) seen.delete(key);
    await sleep(opts.pollMs ?? POLL_MS, opts.signal);
  }
}

/** Tails until the signal aborts (the viewer's tab closed) or the tail cannot go on. */
export async function* tailLogs(logs: CloudWatchLogsClient, opts: TailOptions): AsyncGenerator<TailMessage> {
  const startedAt = Date.now();
  if (opts.functions.length > LIVE_TAIL_MAX_GROUPS) {
    yield { type: "mode", mode: "polling", reason: `StartLiveTail follows at most ${LIVE_TAIL_MAX_GROUPS} log groups and this stage has ${opts.functions.length}.` };
    yield* poll(logs, opts, startedAt);
    return;
  }
  let session = 0;
  let failures = 0;
  while (!opts.signal.aborted) {
    session += 1;
    let started = false;
    try {
      for await (const message of liveSession(logs, opts, session)) {
        if (!started) {
          started = true;
          if (session === 1) yield { type: "mode", mode: "live" };
        }
        // Only a session that delivers lines counts as healthy: one that breaks right after its start keeps counting.
        if (message.type === "lines") failures = 0;
        yield message;
      }
      if (opts.signal.aborted) return;
      yield { type: "session", state: "reconnecting", detail: "The live tail session ended; starting a new one." };
    } catch (error) {
      if (opts.signal.aborted) return;
      if (session === 1 && !started && !(error instanceof StreamBroken)) {
        const problem = translateAwsError(error, { action: "logs:StartLiveTail", doing: "starting a live tail", endpoint: opts.endpoint });
        yield { type: "mode", mode: "polling", reason: problem.message, details: problem.details };
        yield* poll(logs, opts, startedAt);
        return;
      }
      failures += 1;
      const problem: AwsProblem =
        error instanceof AwsCallError
          ? { kind: error.kind, message: error.message, details: error.details, status: error.status }
          : translateAwsError(error, { action: "logs:StartLiveTail", doing: "restarting the live tail", endpoint: opts.endpoint });
      if (failures > (opts.maxReconnects ?? 5)) {
        yield { type: "session", state: "ended", detail: problem.message, details: problem.details };
        return;
      }
      yield { type: "session", state: "reconnecting", detail: problem.message, details: problem.details };
      await sleep(opts.reconnectDelayMs ?? 1000 * failures, opts.signal);
    }
  }
}
