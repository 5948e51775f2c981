import { estimateStackCost, isPricedRegion, PRICED_REGIONS, type CostEstimate, type StackUsage } from "@/lib/cost";
import type { StackDefinition } from "@/lib/stack";

export type EstimateOutcome = { ok: true; estimate: CostEstimate } | { ok: false; message: string };

/** The estimate, or why there is none (no definition, a region without prices, a definition the model cannot read). */
export function tryEstimate(definition: StackDefinition | null, region: string, usage: StackUsage | undefined, freeTier: boolean): EstimateOutcome {
  if (!definition) return { ok: false, message: "The definition has errors, so there is nothing to estimate. Fix them to see the cost." };
  if (!isPricedRegion(region)) return { ok: false, message: `There is no price data for ${region}; estimates cover ${PRICED_REGIONS.join(", ")}.` };
  try {
    return { ok: true, estimate: estimateStackCost(definition, { region, usage, freeTier }) };
  } catch (error) {
    // A definition mid-edit can pass the schema yet break an estimator's expectations; say so rather than blank the panel.
    return { ok: false, message: `The estimate failed on this definition: ${error instanceof Error ? error.message : String(error)}` };
  }
}
