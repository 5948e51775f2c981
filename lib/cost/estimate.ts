// The monthly cost of a stack definition: a pure function of the definition, the region's prices, the
// usage assumptions and whether to apply the always-free tier.
import type { StackDefinition } from "@/lib/stack/schema";
import { accountAdjustments } from "./estimators/account";
import { estimateHttpApi, estimateRestApi } from "./estimators/apis";
import { addReadings, emptyMeters, type EstimateContext, type Priced } from "./estimators/context";
import { estimateCloudformationTable, estimateTable, isOnDemandCloudformationTable, isOnDemandTable } from "./estimators/dynamodb";
import { estimateEdgeFunction, estimateFunction } from "./estimators/functions";
import { estimateLoadBalancer } from "./estimators/load-balancer";
import {
  estimateCloudformationEventBus,
  estimateEventBus,
  estimateQueue,
  estimateStream,
  estimateTopic,
  isOnDemandStream,
} from "./estimators/messaging";
import { estimateNatGateway } from "./estimators/networking";
import { estimateSecret } from "./estimators/secrets";
import { estimateNotes } from "./notes";
import { PRICES, type PricedRegion, type RegionPrices } from "./prices";
import { functionTraffic, triggersByTarget, type FunctionTraffic } from "./traffic";
import type { CostEstimate, CostService } from "./types";
import { secretReferences, type StackUsage } from "./usage";

export interface EstimateOptions {
  region: PricedRegion;
  /** Usage per resource name (see usage.ts); anything missing is assumed and listed. */
  usage?: StackUsage;
  /** Apply the always-free allowances (Lambda: 1M requests and 400,000 GB-seconds a month). Default false. */
  freeTier?: boolean;
  /** Prices to use instead of the region's published data (for what-if comparisons and tests). */
  prices?: RegionPrices;
}

function context(definition: StackDefinition, prices: RegionPrices, usage: StackUsage): EstimateContext {
  const functions = new Map<string, FunctionTraffic>();
  for (const [name, resource] of Object.entries(definition.resources)) {
    if (resource.type === "function") functions.set(name, functionTraffic(name, resource, usage[name]));
  }
  return { definition, prices, usage, functions, byTarget: triggersByTarget(functions.values()) };
}

function priceResources(ctx: EstimateContext): Priced[] {
  const priced: Priced[] = [];
  for (const [name, r] of Object.entries(ctx.definition.resources)) {
    if (r.type === "function") priced.push(estimateFunction(name, r, ctx));
    else if (r.type === "edge-lambda-function") priced.push(estimateEdgeFunction(name, r, ctx));
    else if (r.type === "http-api-gateway") priced.push(estimateHttpApi(name, r, ctx));
    else if (r.type === "application-load-balancer") priced.push(estimateLoadBalancer(name, r, ctx));
    else if (r.type === "event-bus") priced.push(estimateEventBus(name, r, ctx));
    else if (r.type === "dynamo-db-table" && isOnDemandTable(r)) priced.push(estimateTable(name, r, ctx));
  }
  for (const [logicalId, raw] of Object.entries(ctx.definition.cloudformationResources ?? {})) {
    if (raw.Type === "AWS::SQS::Queue") priced.push(estimateQueue(logicalId, raw, ctx));
    else if (raw.Type === "AWS::SNS::Topic") priced.push(estimateTopic(logicalId, raw, ctx));
    else if (raw.Type === "AWS::Events::EventBus") priced.push(estimateCloudformationEventBus(logicalId, raw, ctx));
    else if (raw.Type === "AWS::Kinesis::Stream" && !isOnDemandStream(raw)) priced.push(estimateStream(logicalId, raw, ctx));
    else if (raw.Type === "AWS::DynamoDB::Table" && isOnDemandCloudformationTable(raw)) priced.push(estimateCloudformationTable(logicalId, raw, ctx));
    else if (raw.Type === "AWS::ApiGateway::RestApi") priced.push(estimateRestApi(logicalId, raw, ctx));
    else if (raw.Type === "AWS::EC2::NatGateway") priced.push(estimateNatGateway(logicalId, raw, ctx));
  }
  for (const [name, references] of secretReferences(ctx.definition)) priced.push(estimateSecret(name, references, ctx));
  return priced;
}

export function estimateStackCost(definition: StackDefinition, options: EstimateOptions): CostEstimate {
  const prices = options.prices ?? PRICES[options.region];
  const freeTier = options.freeTier ?? false;
  const ctx = context(definition, prices, options.usage ?? {});
  const priced = priceResources(ctx);
  const meters = emptyMeters();
  for (const p of priced) addReadings(meters, p.meters);
  const resources = [...priced.map((p) => p.cost), ...accountAdjustments(meters, prices, freeTier)];

  const byService: Partial<Record<CostService, number>> = {};
  for (const r of resources) for (const item of r.lineItems) byService[item.service] = (byService[item.service] ?? 0) + item.monthly;
  return {
    currency: "USD",
    region: options.region,
    freeTier,
    total: resources.reduce((sum, r) => sum + r.monthly, 0),
    resources,
    byService,
    notes: estimateNotes(definition, prices, resources),
  };
}
