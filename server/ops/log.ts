import pino, { type DestinationStream, type Logger as PinoLogger } from "pino";
import { errorForLog, redactSecrets } from "@/server/redact/error-for-log";
import { currentRequestScope } from "./request-scope";

// The server's one logger: pino, a JSON line per entry (level label, time, pid, msg, the request's
// id and organization when there is one, and the entry's fields). Secrets never reach a line:
// fields named like credentials are replaced, strings go through redactSecrets, errors through
// errorForLog (first line only: Prisma quotes a call's arguments after it). The call shape is
// (msg, fields), the order every call site reads best in; pino's own is (fields, msg).

export const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
export type Level = keyof typeof LEVELS;
type Fields = Record<string, unknown>;

const SECRET_KEY = /secret|password|passwd|token|authorization|cookie|credential|api[-_]?key|access[-_]?key|private[-_]?key|signature|encrypted/i;
const MAX_DEPTH = 4;
const MAX_STRING = 2_000;
const MAX_KEYS = 50;

/** A value as it may be printed: bounded, with credentials out. */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return errorForLog(value);
  if (typeof value === "string") return redactSecrets(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (value instanceof Headers) return redactForLog(Object.fromEntries(value.entries()), depth);
  if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map((v) => redactForLog(v, depth + 1));
  const out: Fields = {};
  for (const [key, v] of Object.entries(value).slice(0, MAX_KEYS)) out[key] = SECRET_KEY.test(key) ? "[redacted]" : redactForLog(v, depth + 1);
  return out;
}

export interface Logger {
  trace(msg: string, fields?: Fields): void;
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  fatal(msg: string, fields?: Fields): void;
  /** A logger whose lines all carry `bindings` (e.g. { component: "deploy-worker" }). */
  child(bindings: Fields): Logger;
}

export interface LoggerOptions {
  level?: Level;
  /** Where lines go (tests capture them); standard output, synchronously, by default. */
  write?: (line: string) => void;
  bindings?: Fields;
}

function levelFromEnv(): Level {
  const raw = process.env.LOG_LEVEL?.trim().toLowerCase();
  return raw && raw in LEVELS ? (raw as Level) : "info";
}

function wrap(logger: PinoLogger): Logger {
  const at = (level: Level) => (msg: string, fields: Fields = {}) => logger[level](redactForLog(fields) as Fields, redactForLog(msg) as string);
  return {
    trace: at("trace"),
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    fatal: at("fatal"),
    child: (more) => wrap(logger.child(redactForLog(more) as Fields)),
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  // Synchronous standard output, so the lines before a process.exit() are not lost.
  const destination: DestinationStream = options.write ? { write: options.write } : pino.destination({ fd: 1, sync: true });
  const logger = pino(
    {
      level: options.level ?? levelFromEnv(),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const scope = currentRequestScope();
        return scope ? { requestId: scope.requestId, ...(scope.org ? { org: scope.org } : {}) } : {};
      },
    },
    destination,
  );
  return wrap(options.bindings ? logger.child(redactForLog(options.bindings) as Fields) : logger);
}

export const log: Logger = createLogger();
