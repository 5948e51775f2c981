// The monthly cost difference a deploy makes: the estimate of the revision being deployed against
// the estimate of the revision the stage runs now (nothing, for a first deploy); a stack deletion's
// is nothing against what the stage runs. Pure.
import { diffCosts, estimateStackCost, isPricedRegion, type CostDiff, type CostEstimate } from "@/lib/cost";
import { parseStack } from "@/lib/stack/parse";
import { hasErrors } from "@/lib/stack/diagnostics";

export type CostDifference =
  /** revision null: the stage's stack is deleted, so nothing runs after. */
  | { ok: true; region: string; baseRevision: number | null; revision: number | null; diff: CostDiff }
  | { ok: false; reason: string };

interface RevisionSource {
  number: number;
  yaml: string;
}

function estimate(revision: RevisionSource, region: Parameters<typeof estimateStackCost>[1]["region"]): CostEstimate | string {
  // Parsing is enough to price a definition; the pipeline validates it fully before deploying.
  const parsed = parseStack(revision.yaml, { file: "stack.yml" });
  if (!parsed.definition || hasErrors(parsed.diagnostics)) return `revision ${revision.number} is not valid, so it has no estimate`;
  return estimateStackCost(parsed.definition, { region });
}

const NOTHING: CostEstimate = { currency: "USD", region: "us-east-1", freeTier: false, total: 0, resources: [], byService: {}, notes: [] };

function difference(deployed: RevisionSource | null, next: RevisionSource | null, region: string): CostDifference {
  if (!isPricedRegion(region)) return { ok: false, reason: `Lambdaplane has no prices for ${region}` };
  const after = next ? estimate(next, region) : NOTHING;
  if (typeof after === "string") return { ok: false, reason: after };
  const before = deployed ? estimate(deployed, region) : NOTHING;
  if (typeof before === "string") return { ok: false, reason: before };
  const diff = diffCosts(before, after);
  return {
    ok: true,
    region,
    baseRevision: deployed?.number ?? null,
    revision: next?.number ?? null,
    diff: { ...diff, resources: diff.resources.filter((r) => r.change !== "unchanged") },
  };
}

/** Only resources whose cost changes are listed; the totals are the whole stack's. */
export function costDifference(deployed: RevisionSource | null, next: RevisionSource, region: string): CostDifference {
  return difference(deployed, next, region);
}

/** Deleting the stage's stack: every resource of the deployed revision removed, the negative of what the stage costs. */
export function deletionCostDifference(deployed: RevisionSource | null, region: string): CostDifference {
  if (!deployed) return { ok: false, reason: "no revision of the stage is deployed" };
  return difference(deployed, null, region);
}
