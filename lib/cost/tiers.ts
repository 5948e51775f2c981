// Cost of a quantity under tiered prices, where each tier's price applies to the part of the quantity inside it.
import type { PriceTier } from "./prices";

export function tieredCost(quantity: number, tiers: readonly PriceTier[]): number {
  let cost = 0;
  let floor = 0;
  for (const tier of tiers) {
    const ceiling = tier.upTo ?? Infinity;
    if (quantity <= floor) break;
    cost += (Math.min(quantity, ceiling) - floor) * tier.usd;
    floor = ceiling;
  }
  return cost;
}
