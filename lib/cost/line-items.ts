// Building blocks of an estimate: priced line items, resource totals, and the assumptions behind them.
import type { PriceConfidence, TieredPrice, UnitPrice } from "./prices";
import type { Assumption, CostLineItem, CostResourceKind, CostService, ResourceCost } from "./types";

export function charge(description: string, service: CostService, quantity: number, price: UnitPrice): CostLineItem {
  return lineItem(description, service, quantity, price.unit, price.usd, price.confidence);
}

/**
 * Charged at the first tier's price: tiers apply to the whole account's monthly usage, so the estimate
 * adds the volume discount once, as an account-level line (see estimators/account.ts).
 */
export function chargeFirstTier(description: string, service: CostService, quantity: number, price: TieredPrice): CostLineItem {
  return lineItem(description, service, quantity, price.unit, price.tiers[0].usd, price.confidence);
}

export function lineItem(
  description: string,
  service: CostService,
  quantity: number,
  unit: string,
  unitPrice: number,
  priceConfidence: PriceConfidence,
): CostLineItem {
  return { description, service, quantity, unit, unitPrice, monthly: quantity * unitPrice, priceConfidence };
}

export function resourceCost(
  resource: string,
  kind: CostResourceKind,
  type: string,
  service: CostService,
  lineItems: CostLineItem[],
  assumptions: Assumption[] = [],
): ResourceCost {
  return { resource, kind, type, service, lineItems, monthly: lineItems.reduce((sum, item) => sum + item.monthly, 0), assumptions };
}

/** Whether a line item with an amount rests on a price not confirmed for the region (copied from another). */
export function usesCopiedPrice(item: CostLineItem): boolean {
  return item.priceConfidence === "derived" && item.monthly !== 0;
}

/** The service of the line items with the largest amount (credits count by size). */
export function dominantService(items: readonly CostLineItem[]): CostService {
  return items.reduce((a, b) => (Math.abs(b.monthly) > Math.abs(a.monthly) ? b : a)).service;
}

/** A usage figure: the one given, or `fallback`, which is then recorded as an assumption. */
export function given(
  value: number | undefined,
  field: string,
  fallback: { value: number; note: string },
  assumptions: Assumption[],
  basis: Assumption["basis"] = "default",
): number {
  if (value !== undefined) return value;
  assumptions.push({ field, value: fallback.value, basis, note: fallback.note });
  return fallback.value;
}

// One formatter, made once: toLocaleString builds a new one per call, which costs ~40 µs.
const COUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** Numbers in descriptions: 1,536 / 0.25 / 1.2M. */
export function formatCount(n: number): string {
  if (n >= 1e6 && n % 1e5 === 0) return `${n / 1e6}M`;
  return COUNT.format(n);
}
