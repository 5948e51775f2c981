// NAT gateways declared in cloudformationResources: hours and data processed.
import type { CloudformationResource } from "@/lib/stack/schema";
import { charge, formatCount, given, resourceCost } from "../line-items";
import type { Assumption } from "../types";
import { HOURS_PER_MONTH } from "../units";
import { USAGE_DEFAULTS } from "../usage";
import type { EstimateContext, Priced } from "./context";

export function estimateNatGateway(logicalId: string, nat: CloudformationResource, ctx: EstimateContext): Priced {
  const assumptions: Assumption[] = [];
  const processedGb = given(ctx.usage[logicalId]?.processedGbPerMonth, "processedGbPerMonth", USAGE_DEFAULTS.natProcessedGbPerMonth, assumptions);
  const prices = ctx.prices.vpc;
  const lineItems = [
    charge("NAT gateway hours", "VPC", HOURS_PER_MONTH, prices.natGatewayHours),
    charge(`Data processed (${formatCount(processedGb)} GB)`, "VPC", processedGb, prices.natGatewayProcessed),
  ];
  return { cost: resourceCost(logicalId, "cloudformation", nat.Type, "VPC", lineItems, assumptions), meters: {} };
}
