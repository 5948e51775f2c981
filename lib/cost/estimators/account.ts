// Account-level adjustments AWS applies to a month's total usage, not to one resource: the always-free
// allowances (when the estimate applies the free tier) and the volume tiers of Lambda duration and API
// Gateway requests. Resources are priced at list (first-tier) prices; these lines carry the difference.
import type { Architecture } from "@/lib/stack/schema";
import { dominantService, formatCount, lineItem, resourceCost } from "../line-items";
import type { FreeAllowance, RegionPrices, TieredPrice, UnitPrice } from "../prices";
import { tieredConfidence, tieredCost } from "../tiers";
import type { CostLineItem, CostService, ResourceCost } from "../types";
import type { Meters } from "./context";

const ARCHITECTURES: Architecture[] = ["x86_64", "arm64"];

/** A credit for `quantity` units (in the price's unit) at `price`. */
function credit(description: string, service: CostService, quantity: number, price: UnitPrice): CostLineItem {
  return lineItem(description, service, quantity, price.unit, -price.usd, price.confidence);
}

function freeDescription(allowance: FreeAllowance, what: string): string {
  return `Free tier: ${formatCount(allowance.amount)} ${allowance.unit} of ${what} a month`;
}

/** Splits `amount` over usage proportionally: the order AWS applies allowances in is not documented. */
function share(amount: number, part: number, whole: number): number {
  return whole > 0 ? (amount * part) / whole : 0;
}

function freeTierCredits(meters: Meters, prices: RegionPrices): { items: CostLineItem[]; lambdaGbSeconds: Record<Architecture, number> } {
  const free = prices.freeTier;
  const items: CostLineItem[] = [];
  const requests = Math.min(free.lambdaRequests.amount, meters.lambdaFreeEligibleRequests);
  if (requests > 0) items.push(credit(freeDescription(free.lambdaRequests, "Lambda"), "Lambda", requests / 1e6, prices.lambda.requests));

  const eligible = meters.lambdaFreeEligibleGbSeconds;
  const eligibleTotal = eligible.x86_64 + eligible.arm64;
  const gbSeconds = Math.min(free.lambdaGbSeconds.amount, eligibleTotal);
  const lambdaGbSeconds = { x86_64: 0, arm64: 0 };
  for (const arch of ARCHITECTURES) {
    lambdaGbSeconds[arch] = share(gbSeconds, eligible[arch], eligibleTotal);
    if (lambdaGbSeconds[arch] > 0) {
      const duration = prices.lambda.duration[arch];
      items.push(
        lineItem(`${freeDescription(free.lambdaGbSeconds, "Lambda duration")} (${arch} share)`, "Lambda", lambdaGbSeconds[arch], duration.unit, -duration.tiers[0].usd, duration.confidence),
      );
    }
  }

  const sqsTotal = meters.sqsStandardMillionRequests + meters.sqsFifoMillionRequests;
  const sqsFree = Math.min(free.sqsRequests.amount / 1e6, sqsTotal);
  const sqsStandard = share(sqsFree, meters.sqsStandardMillionRequests, sqsTotal);
  if (sqsStandard > 0) items.push(credit(freeDescription(free.sqsRequests, "SQS requests"), "SQS", sqsStandard, prices.messaging.sqsStandardRequests));
  if (sqsFree - sqsStandard > 0) {
    items.push(credit(`${freeDescription(free.sqsRequests, "SQS requests")} (FIFO share)`, "SQS", sqsFree - sqsStandard, prices.messaging.sqsFifoRequests));
  }

  const sns = Math.min(free.snsPublishes.amount / 1e6, meters.snsMillionPublishes);
  if (sns > 0) items.push(credit(freeDescription(free.snsPublishes, "SNS publishes"), "SNS", sns, prices.messaging.snsPublishes));

  const ingestion = Math.min(free.logsIngestionGb.amount, meters.logsIngestionGb);
  if (ingestion > 0) items.push(credit(freeDescription(free.logsIngestionGb, "log ingestion"), "CloudWatch", ingestion, prices.cloudWatchLogs.ingestion));
  const storage = Math.min(free.logsStorageGb.amount, meters.logsStorageGbMonths);
  if (storage > 0) items.push(credit(freeDescription(free.logsStorageGb, "log storage"), "CloudWatch", storage, prices.cloudWatchLogs.storage));

  const tables = Math.min(free.dynamoDbStorageGb.amount, meters.dynamoDbStorageGb);
  if (tables > 0) items.push(credit(freeDescription(free.dynamoDbStorageGb, "DynamoDB storage"), "DynamoDB", tables, prices.dynamoDb.storage));

  return { items, lambdaGbSeconds };
}

/**
 * The saving of tiered pricing over first-tier pricing for `quantity`, as a line (undefined when none); as
 * sure as the least sure tier it reaches (higher tiers copied from another region make it "derived").
 */
function volumeDiscount(description: string, service: CostService, quantity: number, price: TieredPrice): CostLineItem | undefined {
  const firstTierBound = price.tiers[0].upTo ?? Infinity;
  if (quantity <= firstTierBound) return undefined;
  const saving = quantity * price.tiers[0].usd - tieredCost(quantity, price.tiers);
  const beyond = quantity - firstTierBound;
  return lineItem(description, service, beyond, price.unit, -saving / beyond, tieredConfidence(quantity, price));
}

export function accountAdjustments(meters: Meters, prices: RegionPrices, applyFreeTier: boolean): ResourceCost[] {
  const adjustments: ResourceCost[] = [];
  const freeGbSeconds = { x86_64: 0, arm64: 0 };
  if (applyFreeTier) {
    const { items, lambdaGbSeconds } = freeTierCredits(meters, prices);
    Object.assign(freeGbSeconds, lambdaGbSeconds);
    if (items.length) adjustments.push(resourceCost("Free tier", "account", "free tier", dominantService(items), items));
  }

  const volume: (CostLineItem | undefined)[] = [
    ...ARCHITECTURES.map((arch) =>
      volumeDiscount(`Lambda duration volume tiers (${arch})`, "Lambda", meters.lambdaGbSeconds[arch] - freeGbSeconds[arch], prices.lambda.duration[arch]),
    ),
    volumeDiscount("HTTP API request volume tiers", "API Gateway", meters.httpApiMillionRequests, prices.apiGateway.httpApiRequests),
    volumeDiscount("REST API request volume tiers", "API Gateway", meters.restApiMillionRequests, prices.apiGateway.restApiRequests),
  ];
  const volumeItems = volume.filter((item): item is CostLineItem => item !== undefined);
  if (volumeItems.length) adjustments.push(resourceCost("Volume tiers", "account", "volume tiers", dominantService(volumeItems), volumeItems));
  return adjustments;
}
