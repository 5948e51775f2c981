// What a deployed function actually costs: its CloudWatch metrics month to date, priced with the same
// model as the estimate, and projected to the whole month at the rate so far.
import type { LambdaFunction } from "@/lib/stack/schema";
import { estimateStackCost } from "./estimate";
import type { PricedRegion } from "./prices";
import type { ResourceCost } from "./types";

/** Totals since the start of the month (AWS/Lambda Invocations Sum, Duration Sum). */
export interface FunctionMetrics {
  invocations: number;
  /** Sum of all invocations' durations, ms. */
  durationMs: number;
}

export interface MonthProgress {
  /** First instant of the calendar month (UTC), as AWS bills. */
  start: Date;
  elapsedHours: number;
  hoursInMonth: number;
}

export function monthProgress(now: Date): MonthProgress {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, elapsedHours: (now.getTime() - start.getTime()) / 3.6e6, hoursInMonth: (next.getTime() - start.getTime()) / 3.6e6 };
}

export interface ActualFunctionCost {
  invocations: number;
  /** Undefined without invocations. */
  averageDurationMs?: number;
  /** USD: requests, duration, ephemeral storage and provisioned concurrency so far this month. */
  monthToDate: number;
  /** USD: monthToDate at the rate so far, over the whole month. */
  projectedMonthly: number;
}

// Less than an hour into the month, the rate so far says little; project from at least an hour.
const MIN_PROJECTION_HOURS = 1;

/**
 * Lambda charges only (logs and the free tier are account-wide or metered elsewhere): the function alone,
 * logging off, with the metrics as its usage and provisioned concurrency on for the hours elapsed.
 */
export function actualFunctionCost(fn: LambdaFunction, metrics: FunctionMetrics, progress: MonthProgress, region: PricedRegion): ActualFunctionCost {
  const averageDurationMs = metrics.invocations > 0 ? metrics.durationMs / metrics.invocations : undefined;
  const alone: LambdaFunction = { ...fn, properties: { ...fn.properties, events: undefined, logging: { disabled: true } } };
  const estimate = estimateStackCost(
    { resources: { fn: alone } },
    {
      region,
      usage: { fn: { invocationsPerMonth: metrics.invocations, averageDurationMs: averageDurationMs ?? 1, provisionedHoursPerMonth: Math.min(744, progress.elapsedHours) } },
    },
  );
  const monthToDate = estimate.total;
  const hours = Math.max(progress.elapsedHours, MIN_PROJECTION_HOURS);
  return { invocations: metrics.invocations, averageDurationMs, monthToDate, projectedMonthly: monthToDate * (progress.hoursInMonth / hours) };
}

/** The part of an estimated function cost that `actualFunctionCost` measures (its Lambda line items). */
export function lambdaChargesOf(cost: ResourceCost): number {
  return cost.lineItems.filter((i) => i.service === "Lambda").reduce((sum, i) => sum + i.monthly, 0);
}
