import { describe, expect, it } from "vitest";
import { diffCosts, formatMonthlyDelta } from "./diff";
import { estimateStackCost } from "./estimate";
import { fn, stack } from "./testing";

const usage = { api: { invocationsPerMonth: 1_000_000, averageDurationMs: 100 }, worker: { invocationsPerMonth: 2_000_000 } };
const estimate = (apiMemory: number, extra = {}) =>
  estimateStackCost(stack({ api: fn({ memory: apiMemory }), worker: fn(), ...extra }), { region: "us-east-1", usage });

describe("diffCosts", () => {
  // Issue 7 acceptance: raising a function's memory from 512 to 1024 MB shows a positive diff of the right
  // size: 1M invocations × 0.1 s × 0.5 GB more × $0.0000166667/GB-s (us-east-1 x86_64) = $0.833335.
  it("gives exactly the extra GB-seconds' price when a function's memory goes from 512 to 1024 MB", () => {
    const diff = diffCosts(estimate(512), estimate(1024));
    const expected = 1_000_000 * 0.1 * (512 / 1024) * 0.0000166667;
    const api = diff.resources.find((r) => r.resource === "api");
    expect(api?.change).toBe("changed");
    expect(api?.delta).toBeCloseTo(expected, 12);
    expect(diff.delta).toBeCloseTo(expected, 12);
    expect(formatMonthlyDelta(diff.delta)).toBe("+$0.83/month");
  });

  it("reports untouched resources as unchanged with a zero delta", () => {
    const diff = diffCosts(estimate(512), estimate(1024));
    expect(diff.resources.find((r) => r.resource === "worker")).toMatchObject({ change: "unchanged", delta: 0 });
  });

  it("reports added and removed resources with their whole cost", () => {
    const withTable = estimate(512, { t: { type: "dynamo-db-table", properties: { primaryKey: { partitionKey: { name: "id", type: "string" } } } } });
    const added = diffCosts(estimate(512), withTable).resources.find((r) => r.resource === "t");
    expect(added).toMatchObject({ change: "added", before: 0 });
    expect(added?.delta).toBeCloseTo(0.625 + 0.125 + 0.25, 10);
    const removed = diffCosts(withTable, estimate(512)).resources.find((r) => r.resource === "t");
    expect(removed).toMatchObject({ change: "removed", after: 0 });
    expect(removed?.delta).toBeCloseTo(-(0.625 + 0.125 + 0.25), 10);
  });

  it("has a zero total delta for identical estimates", () => {
    expect(diffCosts(estimate(512), estimate(512)).delta).toBe(0);
  });
});

describe("formatMonthlyDelta", () => {
  it.each([
    [0.833335, "+$0.83/month"],
    [-12.345, "-$12.35/month"],
    [1234.5, "+$1,234.50/month"],
    [0.004, "$0.00/month"],
    [-0.004, "$0.00/month"],
    [0, "$0.00/month"],
  ])("%d → %s", (delta, text) => {
    expect(formatMonthlyDelta(delta)).toBe(text);
  });
});
