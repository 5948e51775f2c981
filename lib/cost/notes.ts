// Plain-sentence notes on what an estimate leaves out, and on prices not confirmed for the region.
import type { StackDefinition } from "@/lib/stack/schema";
import { isOnDemandCloudformationTable, isOnDemandTable } from "./estimators/dynamodb";
import { isOnDemandStream } from "./estimators/messaging";
import { usesCopiedPrice } from "./line-items";
import type { RegionPrices } from "./prices";
import type { ResourceCost } from "./types";
import { HOURS_PER_MONTH } from "./units";

/** CloudFormation types the estimate prices (on-demand tables and provisioned streams only, see below). */
export const PRICED_CLOUDFORMATION_TYPES = [
  "AWS::SQS::Queue",
  "AWS::SNS::Topic",
  "AWS::Events::EventBus",
  "AWS::Kinesis::Stream",
  "AWS::DynamoDB::Table",
  "AWS::ApiGateway::RestApi",
  "AWS::EC2::NatGateway",
] as const;

const usd = (n: number) => `$${n.toFixed(2)}`;

function unpricedNotes(definition: StackDefinition): string[] {
  const notes: string[] = [];
  for (const [name, resource] of Object.entries(definition.resources)) {
    if (resource.type === "bucket") {
      const cdn = resource.properties?.cdn?.enabled ? " and its CloudFront distribution" : "";
      notes.push(`${name}: S3 storage and requests${cdn} are not priced.`);
    } else if (resource.type === "user-auth-pool") {
      notes.push(`${name}: Cognito user pools are not priced.`);
    } else if (resource.type === "dynamo-db-table" && !isOnDemandTable(resource)) {
      notes.push(`${name}: tables with provisioned capacity are not priced (only on-demand).`);
    } else if (resource.type === "event-bus" && resource.properties?.archive?.enabled) {
      notes.push(`${name}: the event archive is not priced.`);
    }
  }
  for (const [logicalId, raw] of Object.entries(definition.cloudformationResources ?? {})) {
    if (!(PRICED_CLOUDFORMATION_TYPES as readonly string[]).includes(raw.Type)) {
      notes.push(`${logicalId}: ${raw.Type} is not priced.`);
    } else if (raw.Type === "AWS::Kinesis::Stream" && isOnDemandStream(raw)) {
      notes.push(`${logicalId}: on-demand Kinesis streams are not priced (only provisioned shards).`);
    } else if (raw.Type === "AWS::DynamoDB::Table" && !isOnDemandCloudformationTable(raw)) {
      notes.push(`${logicalId}: DynamoDB tables without BillingMode PAY_PER_REQUEST (provisioned capacity) are not priced.`);
    }
  }
  return notes;
}

/**
 * The renderer's default VPC has public subnets and an internet gateway but no NAT gateway, so functions
 * that join it add no NAT charge (and have no internet access, seed 000). Say what one would cost.
 */
function defaultVpcNote(definition: StackDefinition, prices: RegionPrices): string[] {
  const joining = Object.entries(definition.resources)
    .filter(([, r]) => r.type === "function" && r.properties.joinDefaultVpc)
    .map(([name]) => name);
  if (joining.length === 0) return [];
  const hourly = prices.vpc.natGatewayHours;
  return [
    `${joining.join(", ")} join${joining.length === 1 ? "s" : ""} the default VPC, which has no NAT gateway: no NAT charge, and no internet access from ` +
      `${joining.length === 1 ? "that function" : "those functions"}. A NAT gateway would add ${usd(hourly.usd * HOURS_PER_MONTH)}/month ` +
      `plus $${prices.vpc.natGatewayProcessed.usd}/GB processed in ${prices.region}.`,
  ];
}

function derivedPriceNote(resources: readonly ResourceCost[], prices: RegionPrices): string[] {
  const services = new Set<string>();
  for (const r of resources) for (const item of r.lineItems) if (usesCopiedPrice(item)) services.add(item.service);
  if (services.size === 0) return [];
  return [
    `Some ${prices.region} prices could not be confirmed and were copied from another region (${[...services].join(", ")}); ` +
      "the resources that use them are marked † and their cost may differ.",
  ];
}

export function estimateNotes(definition: StackDefinition, prices: RegionPrices, resources: readonly ResourceCost[]): string[] {
  return [
    ...unpricedNotes(definition),
    ...defaultVpcNote(definition, prices),
    ...derivedPriceNote(resources, prices),
    "Data transfer is not priced.",
  ];
}
