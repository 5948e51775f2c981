import { describe, expect, it } from "vitest";
import { barValueText, largestFirst } from "./cost-chart";

describe("largestFirst", () => {
  it("orders by size (credits by their amount), drops bars under a cent and sums the rest past the limit", () => {
    const bars = [
      { label: "a", value: 1 },
      { label: "credit", value: -5 },
      { label: "tiny", value: 0.004 },
      { label: "b", value: 3 },
      { label: "c", value: 0.5 },
      { label: "d", value: 0.25 },
    ];
    expect(largestFirst(bars, 10).map((b) => b.label)).toEqual(["credit", "b", "a", "c", "d"]);
    expect(largestFirst(bars, 3)).toEqual([
      { label: "credit", value: -5 },
      { label: "b", value: 3 },
      { label: "3 others", value: 1.75 },
    ]);
  });
});

describe("barValueText", () => {
  it("labels a credit (free tier, volume-tier saving) as one, not only by its sign", () => {
    expect(barValueText(-12.5)).toBe("-$12.50 credit");
    expect(barValueText(3)).toBe("$3.00");
  });
});
