import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { diffCosts, estimateStackCost, formatMonthlyDelta, PRICES } from "@/lib/cost";
import { fn, stack } from "@/lib/cost/testing";
import { CostDiff } from "./cost-diff";
import { CostPanel } from "./cost-panel";

// Server-rendered markup of the presentational components (no DOM needed): what they show for real estimates.
const quiet = { logging: { disabled: true } } as const;
const usage = { a: { invocationsPerMonth: 10_000_000, averageDurationMs: 100 }, b: { invocationsPerMonth: 10_000_000, averageDurationMs: 100 } };
const before = stack({ a: fn({ ...quiet, memory: 512 }), b: fn({ ...quiet, memory: 512 }) });
const after = stack({ a: fn({ ...quiet, memory: 1024 }), b: fn({ ...quiet, memory: 512 }), c: fn(quiet) });
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("CostDiff", () => {
  const diff = diffCosts(estimateStackCost(before, { region: "us-east-1", usage }), estimateStackCost(after, { region: "us-east-1", usage }));
  const html = text(renderToStaticMarkup(<CostDiff diff={diff} title="Revision 1 → 2" />));

  it("lists the changed and added resources with their signed monthly difference, and leaves unchanged ones out", () => {
    // a: 10M × 0.1 s × 0.5 GB more at the us-east-1 x86_64 price (Lambda pricing page).
    const aDelta = 10_000_000 * 0.1 * 0.5 * PRICES["us-east-1"].lambda.duration.x86_64.tiers[0].usd;
    expect(formatMonthlyDelta(aDelta)).toBe("+$8.33/month");
    expect(html).toContain("a changed");
    expect(html).toContain("+$8.33/month");
    expect(html).toContain("c added");
    expect(html).not.toMatch(/\bb changed\b|\bb unchanged\b/);
    expect(html).toContain("Total $");
    expect(html).toContain(formatMonthlyDelta(diff.delta));
  });

  it("says so when nothing changes by a cent", () => {
    const same = diffCosts(estimateStackCost(before, { region: "us-east-1" }), estimateStackCost(before, { region: "us-east-1" }));
    expect(text(renderToStaticMarkup(<CostDiff diff={same} title="t" />))).toContain("No resource changes its monthly cost by a cent or more.");
  });
});

describe("CostPanel", () => {
  it("shows the total, both charts with their figures in the accessible name, and marks assumed usage", () => {
    const html = renderToStaticMarkup(<CostPanel definition={after} region="us-east-1" usage={usage} />);
    const total = estimateStackCost(after, { region: "us-east-1", usage }).total;
    expect(html).toContain(`>$${total.toFixed(2)}</output>`);
    expect(html).toMatch(/aria-label="Per service: Lambda \$\d+\.\d\d"/);
    expect(html).toMatch(/aria-label="Per resource: a \$[\d.]+, b \$[\d.]+, c \$[\d.]+"/);
    expect(text(html)).toContain("* uses assumed usage");
  });

  // eu-central-1 has no Arm provisioned-concurrency figure of its own: it is copied from us-east-1.
  it("marks a resource priced with a figure copied from another region, and explains the mark", () => {
    const copied = stack({ a: fn({ ...quiet, architecture: "arm64", provisionedConcurrency: 1 }) });
    const html = text(renderToStaticMarkup(<CostPanel definition={copied} region="eu-central-1" usage={{ a: { invocationsPerMonth: 0, averageDurationMs: 100, provisionedHoursPerMonth: 730 } }} />));
    expect(html).toMatch(/\ba †/);
    expect(html).toContain("(price copied from another region)");
    expect(html).toContain("† uses a price not confirmed for eu-central-1 (copied from another region)");
    expect(text(renderToStaticMarkup(<CostPanel definition={copied} region="us-east-1" usage={{ a: { invocationsPerMonth: 0, averageDurationMs: 100, provisionedHoursPerMonth: 730 } }} />))).not.toContain("†");
  });

  it("explains why there is no estimate: no definition, or a region without prices", () => {
    expect(text(renderToStaticMarkup(<CostPanel definition={null} region="us-east-1" />))).toContain("The definition has errors");
    expect(text(renderToStaticMarkup(<CostPanel definition={before} region="sa-east-1" />))).toContain("There is no price data for sa-east-1");
  });
});
