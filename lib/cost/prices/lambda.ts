// AWS Lambda and Lambda@Edge prices.
import type { Architecture } from "@/lib/stack/schema";
import { copiedFrom, higherTiersCopied, PAGES, read, SEEN_IN, type Seen } from "./evidence";
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
    tiers: higherTiersCopied(US_EAST_1.duration[arch].tiers),
    ...read(seen, PAGES.lambda, confidence),
    evidence: `tier 1: ${seen.text}; higher tiers copied from us-east-1 (not confirmed for this region)`,
  };
}

/** All three tiers confirmed from `seen` (they equal us-east-1's). */
function confirmedDuration(arch: Architecture, seen: Seen, confidence: "published" | "secondary"): TieredPrice {
  return { ...US_EAST_1.duration[arch], ...read(seen, PAGES.lambda, confidence) };
}

/** One entry of the AWS Pricing Calculator's Lambda file for a region: its name there, rate code and USD. */
interface CalculatorEntry {
  name: "Lambda Storage-Duration" | "Lambda Provisioned-Concurrency" | "Lambda Duration-Provisioned";
  rateCode: string;
  usd: number;
}

/**
 * The x86 figures of the calculator file for the regions other than us-east-1 (SEEN_IN.lambdaCalculatorRegions).
 * Ephemeral storage is one price for both architectures there; the file has no Arm provisioned-concurrency rows.
 */
const CALCULATOR: Record<Exclude<PricedRegion, "us-east-1">, { storage: CalculatorEntry; concurrency: CalculatorEntry; duration: CalculatorEntry }> = {
  "us-west-2": {
    storage: { name: "Lambda Storage-Duration", rateCode: "HXET4S4G5F9Y7FP6.JRTCKXETXF.6YS6EN2CT7", usd: 0.0000000309 },
    concurrency: { name: "Lambda Provisioned-Concurrency", rateCode: "67MDK2GR6PRT8GW8.JRTCKXETXF.6YS6EN2CT7", usd: 0.0000041667 },
    duration: { name: "Lambda Duration-Provisioned", rateCode: "MP7NQ6MSH3HNCZP6.JRTCKXETXF.6YS6EN2CT7", usd: 0.0000097222 },
  },
  "eu-west-1": {
    storage: { name: "Lambda Storage-Duration", rateCode: "83UZGV2B4WAZRJSR.JRTCKXETXF.6YS6EN2CT7", usd: 0.000000034 },
    concurrency: { name: "Lambda Provisioned-Concurrency", rateCode: "BP8P7CBMNM86SRMW.JRTCKXETXF.6YS6EN2CT7", usd: 0.000004646 },
    duration: { name: "Lambda Duration-Provisioned", rateCode: "ZS4KB9WXZA5FWZ7A.JRTCKXETXF.6YS6EN2CT7", usd: 0.0000108407 },
  },
  "eu-central-1": {
    storage: { name: "Lambda Storage-Duration", rateCode: "TSJKCMGTDRNVXPB4.JRTCKXETXF.6YS6EN2CT7", usd: 0.0000000367 },
    concurrency: { name: "Lambda Provisioned-Concurrency", rateCode: "SADU4Z93G2F3QPA2.JRTCKXETXF.6YS6EN2CT7", usd: 0.0000050147 },
    duration: { name: "Lambda Duration-Provisioned", rateCode: "6963ZK4U22NHS35G.JRTCKXETXF.6YS6EN2CT7", usd: 0.0000117011 },
  },
  "ap-southeast-1": {
    storage: { name: "Lambda Storage-Duration", rateCode: "8FAV96E74NWR9SG9.JRTCKXETXF.6YS6EN2CT7", usd: 0.000000037 },
    concurrency: { name: "Lambda Provisioned-Concurrency", rateCode: "A4HTACA65772T7MD.JRTCKXETXF.6YS6EN2CT7", usd: 0.0000051991 },
    duration: { name: "Lambda Duration-Provisioned", rateCode: "Z43QGMUZW4S2XN34.JRTCKXETXF.6YS6EN2CT7", usd: 0.0000121313 },
  },
};

const fromCalculator = (entry: CalculatorEntry): UnitPrice => ({
  usd: entry.usd,
  unit: "GB-second",
  ...read(SEEN_IN.lambdaCalculatorRegions, PAGES.lambda, "secondary"),
  evidence: `'${entry.name}' (rate code ${entry.rateCode}) in the ${SEEN_IN.lambdaCalculatorRegions.text}`,
});

/** The Arm figure copied from us-east-1, saying how the region's x86 figure compares with us-east-1's. */
function armCopied(usEast1Arm: UnitPrice, usEast1X86: UnitPrice, regionX86: UnitPrice): UnitPrice {
  const ratio = regionX86.usd / usEast1X86.usd;
  const hint =
    ratio > 1
      ? `This region's x86 figure is ${((ratio - 1) * 100).toFixed(1)}% above us-east-1's, so this copy likely understates.`
      : "This region's x86 figure equals us-east-1's.";
  return copiedFrom(usEast1Arm, "us-east-1", hint);
}

function regionPrices(region: Exclude<PricedRegion, "us-east-1">, requests: UnitPrice, duration: Record<Architecture, TieredPrice>): LambdaPrices {
  const calculator = CALCULATOR[region];
  const concurrency = fromCalculator(calculator.concurrency);
  const provisionedDuration = fromCalculator(calculator.duration);
  return {
    requests,
    duration,
    ephemeralStorage: fromCalculator(calculator.storage),
    provisionedConcurrency: {
      x86_64: concurrency,
      arm64: armCopied(US_EAST_1.provisionedConcurrency.arm64, US_EAST_1.provisionedConcurrency.x86_64, concurrency),
    },
    provisionedDuration: {
      x86_64: provisionedDuration,
      arm64: armCopied(US_EAST_1.provisionedDuration.arm64, US_EAST_1.provisionedDuration.x86_64, provisionedDuration),
    },
  };
}

const requestsSeenIn = (usd: number, seen: Seen): UnitPrice => ({
  usd,
  unit: "million requests",
  ...read(seen, PAGES.lambda, "secondary"),
});

export const LAMBDA_PRICES: Record<PricedRegion, LambdaPrices> = {
  "us-east-1": US_EAST_1,
  "us-west-2": regionPrices(
    "us-west-2",
    { usd: 0.2, unit: "million requests", ...read(SEEN_IN.priceListUsWest2, PAGES.lambda, "published") },
    {
      x86_64: baseRegionDuration("x86_64", SEEN_IN.lambdaBaseRegionTables, "secondary"),
      arm64: baseRegionDuration("arm64", SEEN_IN.priceListUsWest2, "published"),
    },
  ),
  "eu-west-1": regionPrices("eu-west-1", { usd: 0.2, unit: "million requests", ...priceListIreland }, {
    x86_64: { ...US_EAST_1.duration.x86_64, ...priceListIreland },
    arm64: { ...US_EAST_1.duration.arm64, ...priceListIreland },
  }),
  "eu-central-1": regionPrices("eu-central-1", requestsSeenIn(0.2, SEEN_IN.priceListFrankfurtNote), {
    x86_64: baseRegionDuration("x86_64", SEEN_IN.lambdaBaseRegionTables, "secondary"),
    arm64: baseRegionDuration("arm64", SEEN_IN.lambdaBaseRegionTables, "secondary"),
  }),
  "ap-southeast-1": regionPrices("ap-southeast-1", requestsSeenIn(0.2, SEEN_IN.priceListSingapore), {
    x86_64: confirmedDuration("x86_64", SEEN_IN.priceListSingaporeLambda, "secondary"),
    arm64: baseRegionDuration("arm64", SEEN_IN.priceListSingaporeLambda, "secondary"),
  }),
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
