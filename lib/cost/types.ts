// The shape of a cost estimate: per resource, line items that each say what is counted and at what price.
import type { PriceConfidence, PricedRegion } from "./prices";

export type CostService =
  | "Lambda"
  | "Lambda@Edge"
  | "API Gateway"
  | "Elastic Load Balancing"
  | "VPC"
  | "SQS"
  | "SNS"
  | "EventBridge"
  | "Kinesis"
  | "DynamoDB"
  | "CloudWatch"
  | "Secrets Manager";

export interface CostLineItem {
  description: string;
  service: CostService;
  /** In `unit`, the unit the price is quoted in (e.g. 3 "million requests"). */
  quantity: number;
  unit: string;
  /** USD per `unit`; negative for credits (free tier, volume tiers). */
  unitPrice: number;
  /** USD a month: quantity × unitPrice. */
  monthly: number;
  /** How sure the price is for this region (see lib/cost/prices/types.ts). */
  priceConfidence: PriceConfidence;
}

/**
 * - "resource": a named resource of the definition.
 * - "cloudformation": an entry of `cloudformationResources`, by logical id.
 * - "secret": a Secrets Manager secret named by `$Secret(...)`.
 * - "account": an account-level adjustment (free tier, volume tiers).
 */
export type CostResourceKind = "resource" | "cloudformation" | "secret" | "account";

/** A usage figure the estimate used that the caller did not give. */
export interface Assumption {
  /** Path of the figure in the resource's usage entry, e.g. "events[0].eventsPerMonth". */
  field: string;
  value: number;
  /** "default": a Lambdaplane default; "derived": computed from the definition (e.g. a schedule's rate). */
  basis: "default" | "derived";
  note: string;
}

export interface ResourceCost {
  resource: string;
  kind: CostResourceKind;
  /** The stack resource type, the CloudFormation type, "secret", or "free tier" / "volume tiers". */
  type: string;
  /** The service most of the cost belongs to. */
  service: CostService;
  lineItems: CostLineItem[];
  monthly: number;
  assumptions: Assumption[];
}

export interface CostEstimate {
  currency: "USD";
  region: PricedRegion;
  freeTier: boolean;
  /** USD a month. */
  total: number;
  resources: ResourceCost[];
  /** USD a month per service, summed over line items (credits included). */
  byService: Partial<Record<CostService, number>>;
  /** What the estimate leaves out or could not confirm, in plain sentences. */
  notes: string[];
}
