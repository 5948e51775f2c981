// Database errors that say "try again" rather than "this is wrong": the pool or the server could not
// start a transaction in time, the connection was reset or closed (a restart, pg_terminate_backend,
// a failover), the server refused new connections for a moment, or PostgreSQL aborted a
// transaction to resolve a serialization failure or a deadlock. The deploy pipeline retries its
// writes on them, so a short hiccup of the database never fails a deployment.

/** Prisma's codes for the above (with the pg driver adapter, driver errors arrive mapped to these). */
const PRISMA_CODES = new Set([
  "P1001", // can't reach the database server
  "P1002", // the server was reached but timed out
  "P1008", // socket timeout
  "P1017", // the server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2028", // transaction API error: unable to start a transaction in the given time, or it expired
  "P2034", // write conflict or deadlock (40001, 40P01)
  "P2037", // too many connections
]);

/** SQLSTATEs: serialization failure, deadlock, too many connections, admin/crash shutdown, cannot connect now. */
const SQLSTATES = new Set(["40001", "40P01", "53300", "57P01", "57P02", "57P03"]);
/** Class 08: connection exception (08000, 08003, 08006, 08001, 08004, ...). */
const CONNECTION_EXCEPTION = /^08/;
/** Driver adapter kinds (Prisma's DriverAdapterError.cause.kind) that are transient. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TransactionWriteConflict", "TooManyConnections"]);
// node-postgres reports a dropped connection as a plain Error without a code.
const MESSAGES = /Connection terminated|Unable to start a transaction in the given time|timeout exceeded when trying to connect/i;

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

function isTransientCode(code: unknown): boolean {
  // Not bare socket codes (ECONNRESET, ...): an AWS call fails with those too, and the pipeline must
  // not mistake an unreachable AWS endpoint for the database. Prisma reports its own as P1001/P1017/P1008.
  return typeof code === "string" && (PRISMA_CODES.has(code) || SQLSTATES.has(code) || CONNECTION_EXCEPTION.test(code));
}

function isTransientAdapterCause(cause: unknown): boolean {
  if (typeof cause !== "object" || cause === null) return false;
  const { kind, originalCode, code } = cause as { kind?: unknown; originalCode?: unknown; code?: unknown };
  return (typeof kind === "string" && ADAPTER_KINDS.has(kind)) || (kind === "postgres" && (isTransientCode(originalCode) || isTransientCode(code)));
}

/** True for an error worth retrying the same unit of work for; follows `cause` (and Prisma's driver adapter error) a few levels down. */
export function isTransientDbError(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as ErrorLike;
  if (isTransientCode(e.code)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  const adapterError = e.meta?.driverAdapterError;
  if (adapterError && isTransientAdapterCause((adapterError as { cause?: unknown }).cause)) return true;
  if ((error as { name?: unknown }).name === "DriverAdapterError" && isTransientAdapterCause(e.cause)) return true;
  return e.cause !== undefined && isTransientDbError(e.cause, depth + 1);
}

export interface RetryOptions {
  /** Tries in all, the first included (default 8). */
  attempts?: number;
  /** First delay; it doubles each retry up to maxDelayMs, half of it random (defaults 200 ms and 5 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The delay before retry number `retry` (1-based): between half and all of base·2^(retry−1), capped (jitter spreads workers that failed together). */
export function retryDelay(retry: number, options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random"> = {}): number {
  const cap = Math.min(options.maxDelayMs ?? 5_000, (options.baseDelayMs ?? 200) * 2 ** (retry - 1));
  return Math.round(cap / 2 + (cap / 2) * (options.random ?? Math.random)());
}

/**
 * Runs `work` and runs it again after a backoff while it fails with a transient database error
 * (other errors propagate at once; the last transient one after `attempts`). `work` must be safe to
 * repeat: one transaction (rolled back when it failed) whose writes are idempotent or
 * compare-and-set, because a connection lost during COMMIT leaves unknown whether it landed.
 */
export async function withDbRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientDbError(error)) throw error;
      const delay = retryDelay(attempt, options);
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
