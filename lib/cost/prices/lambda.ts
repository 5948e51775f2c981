// AWS Lambda and Lambda@Edge prices.
import type { Architecture } from "@/lib/stack/schema";
import { copiedFrom, PAGES, read, SEEN_IN, type Seen } from "./evidence";
import type { PricedRegion } from "./regions";
import type { TieredPrice, UnitPrice } from "./types";

export interface LambdaPrices {
  /** Per million requests. */
  requests: UnitPrice;
  /** On-demand duration per GB-second, tiered on the account's monthly GB-seconds per architecture and region. */
  duration: Record<Architecture, TieredPrice>;
  /** Per GB-second of ephemeral storage configured above the free 512 MB. */
  ephemeralStorage: UnitPrice;
  /** Per GB-second of concurrency kept provisioned. */
  provisionedConcurrency: Record<Architecture, UnitPrice>;
  /** Duration per GB-second of invocations served by provisioned concurrency (the reduced price). */
  provisionedDuration: Record<Architecture, UnitPrice>;
}

const priceListUsEast1 = read(SEEN_IN.lambdaPriceListUsEast1, PAGES.lambda, "published");
// The eu-west-1 extract lists the same three duration tiers per architecture as us-east-1, with the same prices.
const priceListIreland = read(SEEN_IN.priceListIreland, PAGES.lambda, "published");
const unit = (usd: number, unitName: string): UnitPrice => ({ usd, unit: unitName, ...priceListUsEast1 });

const US_EAST_1: LambdaPrices = {
  requests: unit(0.2, "million requests"),
  duration: {
    // Tiers: first 6 billion GB-s, next 9 billion, over 15 billion (x86); 7.5 / 11.25 / over 18.75 billion (Arm).
    x86_64: {
      unit: "GB-second",
      tiers: [
        { upTo: 6e9, usd: 0.0000166667 },
        { upTo: 15e9, usd: 0.000015 },
        { upTo: null, usd: 0.0000133334 },
      ],
      ...priceListUsEast1,
    },
    arm64: {
      unit: "GB-second",
      tiers: [
        { upTo: 7.5e9, usd: 0.0000133334 },
        { upTo: 18.75e9, usd: 0.0000120001 },
        { upTo: null, usd: 0.0000106667 },
      ],
      ...priceListUsEast1,
    },
  },
  ephemeralStorage: unit(0.0000000309, "GB-second"),
  provisionedConcurrency: { x86_64: unit(0.0000041667, "GB-second"), arm64: unit(0.0000033334, "GB-second") },
  provisionedDuration: { x86_64: unit(0.0000097222, "GB-second"), arm64: unit(0.0000077778, "GB-second") },
};

/** Tier 1 confirmed from `seen`; the higher tiers are the us-east-1 ones. */
function baseRegionDuration(arch: Architecture, seen: Seen, confidence: "published" | "secondary"): TieredPrice {
  return {
    ...US_EAST_1.duration[arch],
    ...read(seen, PAGES.lambda, confidence),
    evidence: `tier 1: ${seen.text}; higher tiers copied from us-east-1 (not confirmed for this region)`,
  };
}

function derivedRegion(duration: Record<Architecture, TieredPrice>, requests: UnitPrice = copiedFrom(US_EAST_1.requests, "us-east-1")): LambdaPrices {
  return {
    requests,
    duration,
    ephemeralStorage: copiedFrom(US_EAST_1.ephemeralStorage, "us-east-1"),
    provisionedConcurrency: {
      x86_64: copiedFrom(US_EAST_1.provisionedConcurrency.x86_64, "us-east-1"),
      arm64: copiedFrom(US_EAST_1.provisionedConcurrency.arm64, "us-east-1"),
    },
    provisionedDuration: {
      x86_64: copiedFrom(US_EAST_1.provisionedDuration.x86_64, "us-east-1"),
      arm64: copiedFrom(US_EAST_1.provisionedDuration.arm64, "us-east-1"),
    },
  };
}

function baseRegion(requests?: UnitPrice): LambdaPrices {
  return derivedRegion(
    {
      x86_64: baseRegionDuration("x86_64", SEEN_IN.lambdaBaseRegionTables, "secondary"),
      arm64: baseRegionDuration("arm64", SEEN_IN.lambdaBaseRegionTables, "secondary"),
    },
    requests,
  );
}

const requestsSeenIn = (usd: number, seen: Seen): UnitPrice => ({
  usd,
  unit: "million requests",
  ...read(seen, PAGES.lambda, "secondary"),
});

export const LAMBDA_PRICES: Record<PricedRegion, LambdaPrices> = {
  "us-east-1": US_EAST_1,
  "us-west-2": derivedRegion(
    {
      x86_64: baseRegionDuration("x86_64", SEEN_IN.lambdaBaseRegionTables, "secondary"),
      arm64: baseRegionDuration("arm64", SEEN_IN.priceListUsWest2, "published"),
    },
    { usd: 0.2, unit: "million requests", ...read(SEEN_IN.priceListUsWest2, PAGES.lambda, "published") },
  ),
  "eu-west-1": derivedRegion(
    {
      x86_64: { ...US_EAST_1.duration.x86_64, ...priceListIreland },
      arm64: { ...US_EAST_1.duration.arm64, ...priceListIreland },
    },
    { usd: 0.2, unit: "million requests", ...priceListIreland },
  ),
  "eu-central-1": baseRegion(requestsSeenIn(0.2, SEEN_IN.priceListFrankfurtNote)),
  "ap-southeast-1": baseRegion(requestsSeenIn(0.2, SEEN_IN.priceListSingapore)),
};

export interface LambdaEdgePrices {
  /** Per million requests. */
  requests: UnitPrice;
  /** Per GB-second. */
  duration: UnitPrice;
}

/** Lambda@Edge functions are created in us-east-1 and billed at its prices wherever they run; no free tier. */
export const LAMBDA_EDGE_PRICES: LambdaEdgePrices = {
  requests: unit(0.6, "million requests"),
  duration: unit(0.00005001, "GB-second"),
};
