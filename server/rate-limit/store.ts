import "server-only";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres } from "rate-limiter-flexible";
import type { RateLimitRule } from "./limits";
import { log } from "@/server/ops/log";

// The budgets live in PostgreSQL (table "RateLimit", created by a migration) so that every web
// process counts against the same ones: one atomic upsert per counted request.
//
// When PostgreSQL fails or is slower than QUERY_TIMEOUT_MS, each process falls back to counting
// in its own memory with the same budget (the library's insurance limiter): fail open to a
// per-process limit, not to none. Failing closed would turn a hiccup of this one table into a
// refusal of every sign-in and request; failing fully open would drop the limits exactly when
// the database is under load, which is when they matter.

export const TABLE = "RateLimit";
const QUERY_TIMEOUT_MS = 2_000;

// Small: one short statement per counted request. Keyed by URL because tests switch databases.
const globalPools = globalThis as unknown as { lambdaplaneRateLimitPools?: Map<string, pg.Pool> };

function poolFor(connectionString: string): pg.Pool {
  const pools = (globalPools.lambdaplaneRateLimitPools ??= new Map());
  let pool = pools.get(connectionString);
  if (!pool) {
    pool = new pg.Pool({ connectionString, max: 4, connectionTimeoutMillis: QUERY_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on("error", (error: Error) => log.error("rate-limit: database connection lost", { error }));
    pools.set(connectionString, pool);
  }
  return pool;
}

export function databasePool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: rate limits are kept in PostgreSQL.");
  return poolFor(url);
}

export type Limiter = RateLimiterPostgres;

export function createLimiter(rule: RateLimitRule, pool: pg.Pool): Limiter {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: TABLE,
    tableCreated: true,
    // Keys already carry the limit's name (keys.ts).
    keyPrefix: "",
    points: rule.points,
    duration: rule.seconds,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: "", points: rule.points, duration: rule.seconds }),
  });
}
