// AWS Secrets Manager prices.
import { PAGES, read, SEEN_IN, type Seen } from "./evidence";
import type { PricedRegion } from "./regions";
import type { UnitPrice } from "./types";

export interface SecretsManagerPrices {
  /** Per secret per month. */
  secrets: UnitPrice;
  /** Per 10,000 API calls. */
  apiCalls: UnitPrice;
}

// The invoice lists "$0.05 per 10000 API Requests" for each of the five regions priced here.
const apiCalls: UnitPrice = { usd: 0.05, unit: "10,000 API calls", ...read(SEEN_IN.invoiceMay2025, PAGES.secretsManager, "published") };
const secret = (seen: Seen, confidence: "published" | "secondary" = "published"): UnitPrice => ({
  usd: 0.4,
  unit: "secret-month",
  ...read(seen, PAGES.secretsManager, confidence),
});
const SINGAPORE_SECRET = secret(SEEN_IN.invoiceMay2025);

export const SECRETS_MANAGER_PRICES: Record<PricedRegion, SecretsManagerPrices> = {
  "us-east-1": { secrets: secret(SEEN_IN.secretsUsEast1, "secondary"), apiCalls },
  "us-west-2": { secrets: secret(SEEN_IN.priceListUsWest2), apiCalls },
  "eu-west-1": { secrets: secret(SEEN_IN.priceListIrelandRates), apiCalls },
  "eu-central-1": { secrets: secret(SEEN_IN.priceListFrankfurtAdr, "secondary"), apiCalls },
  "ap-southeast-1": { secrets: SINGAPORE_SECRET, apiCalls },
};
