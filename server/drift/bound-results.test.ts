import { describe, expect, it } from "vitest";
import { boundResults, MAX_ITEMS, MAX_VALUE_CHARS } from "./bound-results";

describe("boundResults", () => {
  it("keeps small results as they are", () => {
    const drifts = [{ resource: "A", property: "MemorySize", deployed: 128, live: 256 }];
    expect(boundResults({ drifts, unknown: [] })).toEqual({ drifts, unknown: [], driftCount: 1, truncated: false });
  });

  it("GIVEN a hostile number of drifts with huge values THEN stores at most MAX_ITEMS, each value cut, and says so", () => {
    const huge = "x".repeat(100_000);
    const drifts = Array.from({ length: 10_000 }, (_, i) => ({ resource: `R${i}`, property: "Environment.BIG", deployed: huge, live: null }));
    const bounded = boundResults({ drifts, unknown: [] });
    expect(bounded.drifts).toHaveLength(MAX_ITEMS);
    expect(bounded.driftCount).toBe(10_000);
    expect(bounded.truncated).toBe(true);
    expect(String(bounded.drifts[0].deployed).length).toBeLessThan(MAX_VALUE_CHARS + 40);
    expect(bounded.drifts[0].live).toBeNull();
    expect(JSON.stringify(bounded).length).toBeLessThan(MAX_ITEMS * (MAX_VALUE_CHARS + 200));
  });
});
