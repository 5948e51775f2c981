import { describe, expect, it } from "vitest";
import { estimateStackCost } from "./estimate";
import { formatCostTable, formatUsd } from "./format";
import { fn, stack } from "./testing";

describe("formatUsd", () => {
  it.each([
    [0, "$0.00"],
    [1234.567, "$1,234.57"],
    [-0.2, "-$0.20"],
    [-0.001, "$0.00"],
  ])("%d → %s", (amount, text) => expect(formatUsd(amount)).toBe(text));
});

describe("formatCostTable", () => {
  const definition = stack({ worker: fn({ memory: 1024, logging: { disabled: true } }), api: { type: "http-api-gateway" } });

  it("prints one row per resource with its service and monthly cost, then the total", () => {
    const e = estimateStackCost(definition, { region: "us-east-1", usage: { worker: { invocationsPerMonth: 60_000_000, averageDurationMs: 28 } } });
    const lines = formatCostTable(e).split("\n");
    expect(lines[0]).toBe("Estimated monthly cost in us-east-1 (USD)");
    expect(lines.find((l) => l.startsWith("worker"))).toMatch(/^worker\s+Lambda\s+\$40\.00$/);
    expect(lines.find((l) => l.startsWith("api"))).toMatch(/^api\s+API Gateway\s+\$0\.00$/);
    expect(lines.find((l) => l.startsWith("Total"))).toMatch(/^Total\s+\$40\.00$/);
    expect(lines.some((l) => l.startsWith("* uses assumed usage"))).toBe(false);
  });

  it("marks resources that rely on default usage", () => {
    const text = formatCostTable(estimateStackCost(definition, { region: "us-east-1", freeTier: true }));
    expect(text).toMatch(/^worker \*\s+Lambda/m);
    expect(text).toContain("(USD, free tier applied)");
    expect(text).toContain("* uses assumed usage (defaults); set your own with --usage <file>.");
    expect(text).toContain("note: Data transfer is not priced.");
  });

  // eu-central-1 has no Arm provisioned-concurrency figure of its own: it is copied from us-east-1.
  it("marks resources priced with a figure copied from another region, and says what the mark means", () => {
    const copied = stack({ worker: fn({ architecture: "arm64", provisionedConcurrency: 1, logging: { disabled: true } }) });
    const text = formatCostTable(estimateStackCost(copied, { region: "eu-central-1", usage: { worker: { invocationsPerMonth: 0, averageDurationMs: 100, provisionedHoursPerMonth: 730 } } }));
    expect(text).toMatch(/^worker †\s+Lambda/m);
    expect(text).toContain("† uses a price not confirmed for eu-central-1 (copied from another region).");
    expect(formatCostTable(estimateStackCost(copied, { region: "us-east-1" }))).not.toContain("†");
  });
});
