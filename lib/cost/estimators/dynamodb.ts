// DynamoDB tables in on-demand capacity mode: request units and storage. (Reads of a table's stream by
// Lambda triggers are free.)
import type { CloudformationResource, DynamoDbTable } from "@/lib/stack/schema";
import { charge, formatCount, given, resourceCost } from "../line-items";
import type { Assumption } from "../types";
import { USAGE_DEFAULTS } from "../usage";
import type { EstimateContext, Priced } from "./context";

export const isOnDemandTable = (table: DynamoDbTable): boolean => table.properties.provisionedThroughput === undefined;
export const isOnDemandCloudformationTable = (table: CloudformationResource): boolean => table.Properties?.BillingMode === "PAY_PER_REQUEST";

function tableCost(name: string, kind: "resource" | "cloudformation", type: string, ctx: EstimateContext): Priced {
  const usage = ctx.usage[name] ?? {};
  const assumptions: Assumption[] = [];
  const reads = given(usage.readRequestUnitsPerMonth, "readRequestUnitsPerMonth", USAGE_DEFAULTS.trafficPerMonth, assumptions);
  const writes = given(usage.writeRequestUnitsPerMonth, "writeRequestUnitsPerMonth", USAGE_DEFAULTS.trafficPerMonth, assumptions);
  const storageGb = given(usage.storageGb, "storageGb", USAGE_DEFAULTS.tableStorageGb, assumptions);
  const prices = ctx.prices.dynamoDb;
  const lineItems = [
    charge(`Write request units (${formatCount(writes)})`, "DynamoDB", writes / 1e6, prices.writeRequestUnits),
    charge(`Read request units (${formatCount(reads)})`, "DynamoDB", reads / 1e6, prices.readRequestUnits),
    charge(`Storage (${formatCount(storageGb)} GB)`, "DynamoDB", storageGb, prices.storage),
  ];
  return { cost: resourceCost(name, kind, type, "DynamoDB", lineItems, assumptions), meters: { dynamoDbStorageGb: storageGb } };
}

/** On-demand tables only (see isOnDemandTable). */
export function estimateTable(name: string, table: DynamoDbTable, ctx: EstimateContext): Priced {
  return tableCost(name, "resource", table.type, ctx);
}

/** On-demand tables only (see isOnDemandCloudformationTable). */
export function estimateCloudformationTable(logicalId: string, table: CloudformationResource, ctx: EstimateContext): Priced {
  return tableCost(logicalId, "cloudformation", table.Type, ctx);
}
