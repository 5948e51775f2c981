// CloudWatch Logs prices (Standard log class; Lambda's logs are billed as vended logs, whose first tier,
// up to 10 TB a month, is this price; the lower prices above 10 TB are not modelled).
import { copiedFrom, PAGES, read, SEEN_IN, type Seen } from "./evidence";
import type { PricedRegion } from "./regions";
import type { UnitPrice } from "./types";

export interface CloudWatchLogsPrices {
  /** Per GB ingested. */
  ingestion: UnitPrice;
  /** Per GB-month archived (stored). */
  storage: UnitPrice;
}

const ingestion = (usd: number, seen: Seen, confidence: "published" | "secondary"): UnitPrice => ({
  usd,
  unit: "GB",
  ...read(seen, PAGES.cloudWatch, confidence),
});

const US_EAST_1: CloudWatchLogsPrices = {
  ingestion: ingestion(0.5, SEEN_IN.pricebookFrankfurt, "secondary"),
  storage: { usd: 0.03, unit: "GB-month", ...read(SEEN_IN.cloudWatchPriceListUsEast1, PAGES.cloudWatch, "published") },
};
const storageCopied = () => copiedFrom(US_EAST_1.storage, "us-east-1");

export const CLOUDWATCH_LOGS_PRICES: Record<PricedRegion, CloudWatchLogsPrices> = {
  "us-east-1": US_EAST_1,
  "us-west-2": {
    ingestion: ingestion(0.5, SEEN_IN.invoiceMay2025, "published"),
    storage: { usd: 0.03, unit: "GB-month", ...read(SEEN_IN.priceListUsWest2, PAGES.cloudWatch, "published") },
  },
  "eu-west-1": {
    ingestion: ingestion(0.57, SEEN_IN.priceListIreland, "published"),
    storage: { usd: 0.03, unit: "GB-month", ...read(SEEN_IN.priceListIreland, PAGES.cloudWatch, "published") },
  },
  "eu-central-1": { ingestion: ingestion(0.63, SEEN_IN.pricebookFrankfurt, "secondary"), storage: storageCopied() },
  "ap-southeast-1": {
    ingestion: ingestion(0.7, SEEN_IN.invoiceMay2025, "published"),
    storage: { usd: 0.03, unit: "GB-month", ...read(SEEN_IN.priceListSingaporeOffers, PAGES.cloudWatch, "published") },
  },
};
