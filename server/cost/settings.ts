import "server-only";
import { applicableUsage, isPricedRegion, PRICED_REGIONS, type PricedRegion, type StackUsage } from "@/lib/cost";
import type { StackDefinition } from "@/lib/stack";
import type { Db } from "@/server/db/types";

export interface CostSettings {
  region: PricedRegion;
  freeTier: boolean;
  /** The saved usage that fits the definition. */
  usage: StackUsage;
  /** Saved entries that no longer fit it, with why (the page shows them; the next save drops them). */
  dropped: { key: string; reason: string }[];
  /** False until someone saves assumptions: everything is then a default. */
  saved: boolean;
}

/** Without saved settings: the region of the first stage that has prices, else us-east-1. */
function defaultRegion(stageRegions: readonly string[]): PricedRegion {
  return stageRegions.find(isPricedRegion) ?? PRICED_REGIONS[0];
}

export async function costSettings(client: Db, stackId: string, definition: StackDefinition | null): Promise<CostSettings> {
  const [row, stages] = await Promise.all([
    client.stackCostSettings.findUnique({ where: { stackId } }),
    client.stage.findMany({ where: { stackId }, orderBy: { createdAt: "asc" }, select: { region: true } }),
  ]);
  const { usage, dropped } = definition ? applicableUsage(row?.usage ?? {}, definition) : { usage: {}, dropped: [] };
  const region = row && isPricedRegion(row.region) ? row.region : defaultRegion(stages.map((s) => s.region));
  return { region, freeTier: row?.freeTier ?? false, usage, dropped, saved: row !== null };
}
