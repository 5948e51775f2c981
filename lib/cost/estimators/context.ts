// What every estimator reads, and the usage it reports for account-wide adjustments.
import type { Architecture, StackDefinition } from "@/lib/stack/schema";
import type { RegionPrices } from "../prices";
import type { FunctionTraffic, TriggerTraffic } from "../traffic";
import type { ResourceCost } from "../types";
import type { StackUsage } from "../usage";

export interface EstimateContext {
  definition: StackDefinition;
  prices: RegionPrices;
  usage: StackUsage;
  /** Per function name. */
  functions: ReadonlyMap<string, FunctionTraffic>;
  /** Triggers per target key (see traffic.ts targetKey). */
  byTarget: ReadonlyMap<string, TriggerTraffic[]>;
}

/**
 * Usage summed over the stack for what AWS prices per account and month: the free tier and volume tiers.
 * Quantities are in the unit of the matching price (GB-seconds, million requests, GB, GB-months).
 */
export interface Meters {
  lambdaGbSeconds: Record<Architecture, number>;
  /** On-demand usage of functions without provisioned concurrency (the free tier covers only those). */
  lambdaFreeEligibleRequests: number;
  lambdaFreeEligibleGbSeconds: Record<Architecture, number>;
  httpApiMillionRequests: number;
  restApiMillionRequests: number;
  sqsStandardMillionRequests: number;
  sqsFifoMillionRequests: number;
  snsMillionPublishes: number;
  dynamoDbStorageGb: number;
  logsIngestionGb: number;
  logsStorageGbMonths: number;
}

export type MeterReadings = Partial<{ [K in keyof Meters]: Meters[K] extends number ? number : Partial<Meters[K]> }>;

export interface Priced {
  cost: ResourceCost;
  meters: MeterReadings;
}

export function emptyMeters(): Meters {
  return {
    lambdaGbSeconds: { x86_64: 0, arm64: 0 },
    lambdaFreeEligibleRequests: 0,
    lambdaFreeEligibleGbSeconds: { x86_64: 0, arm64: 0 },
    httpApiMillionRequests: 0,
    restApiMillionRequests: 0,
    sqsStandardMillionRequests: 0,
    sqsFifoMillionRequests: 0,
    snsMillionPublishes: 0,
    dynamoDbStorageGb: 0,
    logsIngestionGb: 0,
    logsStorageGbMonths: 0,
  };
}

export function addReadings(meters: Meters, readings: MeterReadings): void {
  for (const [key, value] of Object.entries(readings) as [keyof Meters, number | Partial<Record<Architecture, number>>][]) {
    if (typeof value === "number") {
      (meters[key] as number) += value;
    } else {
      const target = meters[key] as Record<Architecture, number>;
      for (const [arch, n] of Object.entries(value) as [Architecture, number][]) target[arch] += n;
    }
  }
}
