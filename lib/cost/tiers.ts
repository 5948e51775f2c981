// Cost of a quantity under tiered prices, where each tier's price applies to the part of the quantity inside it.
import type { PriceConfidence, PriceTier, TieredPrice } from "./prices";

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

const SURENESS: readonly PriceConfidence[] = ["derived", "secondary", "published"];

/** How sure the price of `quantity` is: the least sure of the tiers it reaches (a tier without its own confidence has the entry's). */
export function tieredConfidence(quantity: number, price: TieredPrice): PriceConfidence {
  let least = price.confidence;
  let floor = 0;
  for (const tier of price.tiers) {
    if (floor > 0 && quantity <= floor) break;
    const own = tier.confidence ?? price.confidence;
    if (SURENESS.indexOf(own) < SURENESS.indexOf(least)) least = own;
    floor = tier.upTo ?? Infinity;
  }
  return least;
}
