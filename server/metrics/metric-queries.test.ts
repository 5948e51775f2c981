import { describe, expect, it } from "vitest";
import { CHARTS, metricQueries, periodFor } from "./metric-queries";

describe("metric queries", () => {
  it("asks for invocations, errors, throttles, duration p50/p95/max and concurrency of the function", () => {
    const q = metricQueries("shop-dev-api", 60);
    expect(q.map((x) => `${x.MetricStat!.Metric!.MetricName}:${x.MetricStat!.Stat}`)).toEqual([
      "Invocations:Sum",
      "Errors:Sum",
      "Throttles:Sum",
      "Duration:p50",
      "Duration:p95",
      "Duration:Maximum",
      "ConcurrentExecutions:Maximum",
    ]);
    expect(q[0].MetricStat!.Metric!.Dimensions).toEqual([{ Name: "FunctionName", Value: "shop-dev-api" }]);
    expect(CHARTS.map((c) => c.title)).toEqual(["Invocations", "Errors", "Throttles", "Duration", "Concurrent executions"]);
  });
  it("picks whole-minute periods giving about 120 points, coarser for old data", () => {
    const now = Date.UTC(2026, 11, 1);
    expect(periodFor(now - 3600_000, now, now)).toBe(60);
    expect(periodFor(now - 7 * 86_400_000, now, now)).toBe(5040);
    expect(periodFor(now - 20 * 86_400_000, now - 19 * 86_400_000, now) % 300).toBe(0);
    expect(periodFor(now - 70 * 86_400_000, now - 69 * 86_400_000, now)).toBe(3600);
  });
});
