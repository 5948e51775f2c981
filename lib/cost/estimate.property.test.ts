// Properties of the estimate over arbitrary schema-valid definitions (cross-references usually dangling).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryStackDefinition } from "@/lib/stack/testing/arbitraries";
import { diffCosts } from "./diff";
import { estimateStackCost } from "./estimate";
import { PRICED_REGIONS } from "./prices";

/** Equal up to float rounding, relative to the size of the numbers (arbitrary inputs reach 1e15 and more). */
function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(actual), Math.abs(expected)));
}

describe("estimateStackCost on arbitrary definitions", () => {
  it("adds up: resources to the total, line items to resources, services to the total; all finite", () => {
    fc.assert(
      fc.property(arbitraryStackDefinition({ maxItems: 3 }), fc.constantFrom(...PRICED_REGIONS), fc.boolean(), (definition, region, freeTier) => {
        const e = estimateStackCost(definition, { region, freeTier });
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        for (const r of e.resources) {
          expect(Number.isFinite(r.monthly)).toBe(true);
          expectClose(r.monthly, sum(r.lineItems.map((i) => i.monthly)));
          for (const item of r.lineItems) expectClose(item.monthly, item.quantity * item.unitPrice);
          if (r.kind !== "account") for (const item of r.lineItems) expect(item.monthly).toBeGreaterThanOrEqual(0);
        }
        expectClose(e.total, sum(e.resources.map((r) => r.monthly)));
        expectClose(e.total, sum(Object.values(e.byService)));
        expect(e.total).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, ...e.resources.map((r) => Math.abs(r.monthly))));
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic: the same input gives an identical estimate and an all-zero diff", () => {
    fc.assert(
      fc.property(arbitraryStackDefinition({ maxItems: 3 }), (definition) => {
        const a = estimateStackCost(definition, { region: "us-east-1", freeTier: true });
        const b = estimateStackCost(structuredClone(definition), { region: "us-east-1", freeTier: true });
        expect(b).toEqual(a);
        expect(diffCosts(a, b).resources.every((r) => r.delta === 0 && r.change === "unchanged")).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
