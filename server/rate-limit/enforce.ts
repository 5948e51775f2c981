import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { rateLimitOverrides } from "@/server/instance/settings";
import { effectiveLimits, type LimitName, type RateLimitRule } from "./limits";
import { rateLimitKey, type Subject } from "./keys";
import { createLimiter, databasePool, type Limiter } from "./store";
import { recordRateLimitRefusal } from "@/server/ops/metrics";

// The one entry point: count a request against a named limit and say whether it may go on.

export type Verdict = { ok: true } | { ok: false; limit: LimitName; retryAfterSeconds: number; message: string };

const limiters = new Map<string, Limiter>();

function limiterFor(name: LimitName, rule: RateLimitRule): Limiter {
  const pool = databasePool();
  // A limiter holds its budget; a changed setting or database gets a new one.
  const id = `${name}/${rule.points}/${rule.seconds}/${process.env.DATABASE_URL}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = createLimiter(rule, pool);
    limiters.set(id, limiter);
  }
  return limiter;
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

function rejection(name: LimitName, rule: RateLimitRule, msBeforeNext: number): Verdict {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  recordRateLimitRefusal(name);
  return {
    ok: false,
    limit: name,
    retryAfterSeconds,
    message: `Too many ${rule.counts} (at most ${rule.points} in ${describeWait(rule.seconds)}). Try again in ${describeWait(retryAfterSeconds)}.`,
  };
}

export async function enforceRateLimit(name: LimitName, subject: Subject): Promise<Verdict> {
  const rule = effectiveLimits(rateLimitOverrides())[name];
  if (rule.per !== subject.kind) throw new Error(`Rate limit ${name} counts per ${rule.per}, not per ${subject.kind}.`);
  try {
    await limiterFor(name, rule).consume(rateLimitKey(name, subject));
    return { ok: true };
  } catch (e) {
    if (e instanceof RateLimiterRes) return rejection(name, rule, e.msBeforeNext);
    throw e;
  }
}
