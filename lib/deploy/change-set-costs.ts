// The deploy's monthly cost difference laid onto its change set: each changed resource's difference
// goes on the change-set row of the CloudFormation resource it chiefly is. Pure and browser-safe.
import type { ResourceCostDelta } from "@/lib/cost";
import type { CostDifference } from "./cost-difference";

/** A resource's cost difference with the logical id it belongs to (null: no one resource, e.g. the free tier). */
export type LocatedCostDelta = ResourceCostDelta & { logicalId: string | null };

export type LocatedCostDifference =
  | { ok: true; region: string; baseRevision: number | null; revision: number | null; delta: number; resources: LocatedCostDelta[] }
  | { ok: false; reason: string };

export function locateCosts(cost: CostDifference, logicalIdOf: (r: ResourceCostDelta) => string | null): LocatedCostDifference {
  if (!cost.ok) return cost;
  const { diff, ...about } = cost;
  return { ...about, delta: diff.delta, resources: diff.resources.map((r) => ({ ...r, logicalId: logicalIdOf(r) })) };
}

export interface PlacedCosts {
  /** Monthly difference per logical id of the change set. */
  byLogicalId: Map<string, number>;
  /** Differences no row of the change set carries: the free tier, a secret, a resource whose own row is unchanged (shown as "cost only" rows). */
  elsewhere: LocatedCostDelta[];
}

export function placeCosts(changes: readonly { logicalId: string }[], resources: readonly LocatedCostDelta[]): PlacedCosts {
  const rows = new Set(changes.map((c) => c.logicalId));
  const byLogicalId = new Map<string, number>();
  const elsewhere: LocatedCostDelta[] = [];
  for (const r of resources) {
    if (r.logicalId !== null && rows.has(r.logicalId)) byLogicalId.set(r.logicalId, (byLogicalId.get(r.logicalId) ?? 0) + r.delta);
    else elsewhere.push(r);
  }
  return { byLogicalId, elsewhere };
}
