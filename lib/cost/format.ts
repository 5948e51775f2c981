// Plain-text rendering of an estimate for the CLI: resource, service and monthly cost, with a total.
import { usesCopiedPrice } from "./line-items";
import type { CostEstimate, ResourceCost } from "./types";

const DOLLARS = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "$1,234.56", "-$0.20". */
export function formatUsd(amount: number): string {
  const cents = Math.round(amount * 100);
  const text = DOLLARS.format(Math.abs(cents) / 100);
  return cents < 0 ? `-$${text}` : `$${text}`;
}

const usesAssumedUsage = (r: ResourceCost) => r.assumptions.some((a) => a.basis === "default");
const usesCopiedPrices = (r: ResourceCost) => r.lineItems.some(usesCopiedPrice);

/** The resource's name with its marks: * assumed usage, † a price copied from another region. */
function label(r: ResourceCost): string {
  return `${r.resource}${usesAssumedUsage(r) ? " *" : ""}${usesCopiedPrices(r) ? " †" : ""}`;
}

export function formatCostTable(estimate: CostEstimate): string {
  const rows = estimate.resources.map((r) => [label(r), r.service, formatUsd(r.monthly)]);
  const header = ["Resource", "Service", "Monthly"];
  const total = ["Total", "", formatUsd(estimate.total)];
  const widths = header.map((h, i) => Math.max(h.length, total[i].length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    [cells[0].padEnd(widths[0]), cells[1].padEnd(widths[1]), cells[2].padStart(widths[2])].join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const lines = [
    `Estimated monthly cost in ${estimate.region} (USD${estimate.freeTier ? ", free tier applied" : ""})`,
    "",
    line(header),
    rule,
    ...rows.map(line),
    rule,
    line(total),
  ];
  const assumed = estimate.resources.some(usesAssumedUsage);
  const copied = estimate.resources.some(usesCopiedPrices);
  if (assumed || copied) lines.push("");
  if (assumed) lines.push("* uses assumed usage (defaults); set your own with --usage <file>.");
  if (copied) lines.push(`† uses a price not confirmed for ${estimate.region} (copied from another region).`);
  for (const note of estimate.notes) lines.push(`note: ${note}`);
  return `${lines.join("\n")}\n`;
}
