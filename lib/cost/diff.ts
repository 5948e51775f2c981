// What a change does to the monthly cost: per resource and in total, and the "+$X.XX/month" label.
import type { CostEstimate, CostResourceKind, CostService, ResourceCost } from "./types";

export interface ResourceCostDelta {
  resource: string;
  kind: CostResourceKind;
  /** As in ResourceCost: the stack resource type, the CloudFormation type, "secret", ... */
  type: string;
  service: CostService;
  /** USD a month; 0 when the resource is new. */
  before: number;
  /** USD a month; 0 when the resource is gone. */
  after: number;
  delta: number;
  change: "added" | "removed" | "changed" | "unchanged";
}

export interface CostDiff {
  resources: ResourceCostDelta[];
  before: number;
  after: number;
  delta: number;
}

const keyOf = (r: ResourceCost) => `${r.kind}:${r.resource}`;
// Estimates are deterministic, so an unchanged resource has the identical number: no float noise to hide.
const deltaOf = (before: number, after: number) => (before === after ? 0 : after - before);

/** Every resource of either estimate: the after-estimate's order, then the removed ones. */
export function diffCosts(before: CostEstimate, after: CostEstimate): CostDiff {
  const previous = new Map(before.resources.map((r) => [keyOf(r), r]));
  const resources: ResourceCostDelta[] = [];
  for (const r of after.resources) {
    const old = previous.get(keyOf(r));
    previous.delete(keyOf(r));
    const delta = deltaOf(old?.monthly ?? 0, r.monthly);
    resources.push({
      resource: r.resource,
      kind: r.kind,
      type: r.type,
      service: r.service,
      before: old?.monthly ?? 0,
      after: r.monthly,
      delta,
      change: !old ? "added" : delta === 0 ? "unchanged" : "changed",
    });
  }
  for (const old of previous.values()) {
    resources.push({ resource: old.resource, kind: old.kind, type: old.type, service: old.service, before: old.monthly, after: 0, delta: -old.monthly, change: "removed" });
  }
  return { resources, before: before.total, after: after.total, delta: deltaOf(before.total, after.total) };
}

const DOLLARS = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "+$12.30/month", "-$0.45/month"; "$0.00/month" when the change rounds to less than a cent. */
export function formatMonthlyDelta(delta: number): string {
  const cents = Math.round(Math.abs(delta) * 100);
  const amount = DOLLARS.format(cents / 100);
  if (cents === 0) return "$0.00/month";
  return `${delta > 0 ? "+" : "-"}$${amount}/month`;
}
