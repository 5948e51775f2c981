import { describe, expect, it } from "vitest";
import { formatValue, seriesSummary } from "./summary";

describe("chart summaries", () => {
  it("sums counts and reports the peak", () => {
    expect(seriesSummary({ id: "i", label: "Invocations", unit: "count", points: [{ t: 1, v: 3 }, { t: 2, v: 1200 }] })).toBe("Invocations: total 1,203, peak 1,200 per period");
  });
  it("reports peak and latest durations", () => {
    expect(seriesSummary({ id: "d", label: "p95", unit: "ms", points: [{ t: 1, v: 120.55 }, { t: 2, v: 80 }] })).toBe("p95: peak 120.6 ms, latest 80 ms");
  });
  it("says when there is no data", () => {
    expect(seriesSummary({ id: "e", label: "Errors", unit: "count", points: [] })).toBe("Errors: no data");
    expect(formatValue(0, "count")).toBe("0");
  });
});
