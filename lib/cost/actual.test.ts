import { describe, expect, it } from "vitest";
import { actualFunctionCost, lambdaChargesOf, monthProgress } from "./actual";
import { estimateStackCost } from "./estimate";
import { PRICES } from "./prices";
import { fn, resource, stack } from "./testing";

const US_EAST_1 = PRICES["us-east-1"];

describe("monthProgress", () => {
  it("counts from the first of the month, UTC, over the month's real length", () => {
    const p = monthProgress(new Date("2026-02-08T12:00:00Z"));
    expect(p.start.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(p.elapsedHours).toBe(7 * 24 + 12);
    expect(p.hoursInMonth).toBe(28 * 24);
  });
});

describe("actualFunctionCost", () => {
  // Seed 000, "Pricing": $0.20 per 1M invocations, $0.0000000021 per ms at 128 MB.
  it("prices the metrics at the seed's rates and projects the rate so far over the month", () => {
    const progress = monthProgress(new Date("2026-04-10T00:00:00Z")); // 9 of 30 days
    const actual = actualFunctionCost(fn({ memory: 128, logging: { retentionDays: 30 } }), { invocations: 3_000_000, durationMs: 3_000_000 * 50 }, progress, "us-east-1");
    const expected = 3 * US_EAST_1.lambda.requests.usd + 3_000_000 * 50 * (128 / 1024 / 1000) * US_EAST_1.lambda.duration.x86_64.tiers[0].usd;
    expect(actual.averageDurationMs).toBe(50);
    expect(actual.monthToDate).toBeCloseTo(expected, 12);
    expect(actual.projectedMonthly).toBeCloseTo((expected * 30) / 9, 12);
  });

  it("charges provisioned concurrency for the hours elapsed only", () => {
    const progress = monthProgress(new Date("2026-04-02T00:00:00Z"));
    const actual = actualFunctionCost(fn({ memory: 1024, provisionedConcurrency: 1 }), { invocations: 0, durationMs: 0 }, progress, "us-east-1");
    expect(actual.monthToDate).toBeCloseTo(24 * 3600 * US_EAST_1.lambda.provisionedConcurrency.x86_64.usd, 10);
    expect(actual.averageDurationMs).toBeUndefined();
  });

  it("measures what lambdaChargesOf takes from an estimate: the same usage gives the same figure", () => {
    const f = fn({ memory: 512 });
    const estimate = estimateStackCost(stack({ f }), { region: "eu-west-1", usage: { f: { invocationsPerMonth: 2_000_000, averageDurationMs: 80 } } });
    const fullMonth = { start: new Date(0), elapsedHours: 730, hoursInMonth: 730 };
    const actual = actualFunctionCost(f, { invocations: 2_000_000, durationMs: 2_000_000 * 80 }, fullMonth, "eu-west-1");
    expect(actual.monthToDate).toBeCloseTo(lambdaChargesOf(resource(estimate, "f")), 12);
    expect(resource(estimate, "f").monthly).toBeGreaterThan(actual.monthToDate);
  });
});
