// Application Load Balancer prices.
import { copiedFrom, PAGES, read, SEEN_IN } from "./evidence";
import type { PricedRegion } from "./regions";
import type { PriceProvenance, UnitPrice } from "./types";

export interface LoadBalancingPrices {
  /** Per Application Load Balancer hour (or partial hour). */
  albHours: UnitPrice;
  /** Per Load Balancer Capacity Unit hour. */
  albLcuHours: UnitPrice;
}

const hour = (usd: number, provenance: PriceProvenance): UnitPrice => ({ usd, unit: "hour", ...provenance });
const lcu = (usd: number, provenance: PriceProvenance): UnitPrice => ({ usd, unit: "LCU-hour", ...provenance });

const usEast1 = read(SEEN_IN.priceListUsEast1Quotes, PAGES.elb, "published");
const US_EAST_1: LoadBalancingPrices = { albHours: hour(0.0225, usEast1), albLcuHours: lcu(0.008, usEast1) };

export const LOAD_BALANCING_PRICES: Record<PricedRegion, LoadBalancingPrices> = {
  "us-east-1": US_EAST_1,
  "us-west-2": { albHours: copiedFrom(US_EAST_1.albHours, "us-east-1"), albLcuHours: copiedFrom(US_EAST_1.albLcuHours, "us-east-1") },
  "eu-west-1": {
    albHours: hour(0.0252, read(SEEN_IN.invoiceIreland, PAGES.elb, "published")),
    albLcuHours: lcu(0.008, read(SEEN_IN.invoiceIreland, PAGES.elb, "published")),
  },
  "eu-central-1": {
    albHours: hour(0.027, read(SEEN_IN.focusFrankfurt, PAGES.elb, "published")),
    albLcuHours: copiedFrom(US_EAST_1.albLcuHours, "us-east-1"),
  },
  "ap-southeast-1": {
    albHours: hour(0.0252, read(SEEN_IN.invoiceMay2025, PAGES.elb, "published")),
    albLcuHours: lcu(0.008, read(SEEN_IN.priceListSingaporeOffers, PAGES.elb, "published")),
  },
};
