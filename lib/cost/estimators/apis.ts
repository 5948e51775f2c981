// API Gateway: HTTP APIs (typed resources; traffic from the routes that point at them) and REST APIs
// declared in cloudformationResources.
import type { CloudformationResource, HttpApiGateway } from "@/lib/stack/schema";
import { chargeFirstTier, formatCount, given, resourceCost } from "../line-items";
import { targetKey } from "../traffic";
import type { Assumption } from "../types";
import { chunks } from "../units";
import { USAGE_DEFAULTS } from "../usage";
import type { EstimateContext, Priced } from "./context";

/** HTTP APIs meter each request in 512 KB increments: a 513 KB request counts as two. */
const HTTP_API_METERING_KB = 512;

export function estimateHttpApi(name: string, api: HttpApiGateway, ctx: EstimateContext): Priced {
  const usage = ctx.usage[name] ?? {};
  const assumptions: Assumption[] = [];
  let requests: number;
  let metered: number;
  if (usage.requestsPerMonth !== undefined) {
    requests = usage.requestsPerMonth;
    metered = requests * chunks(given(usage.payloadKb, "payloadKb", USAGE_DEFAULTS.payloadKb, assumptions), HTTP_API_METERING_KB);
  } else {
    const routes = ctx.byTarget.get(targetKey({ kind: "resource", name })) ?? [];
    requests = routes.reduce((sum, r) => sum + r.eventsPerMonth, 0);
    metered = routes.reduce((sum, r) => sum + r.eventsPerMonth * chunks(r.payloadKb, HTTP_API_METERING_KB), 0);
    assumptions.push({ field: "requestsPerMonth", value: requests, basis: "derived", note: `sum of the ${routes.length} routes' events` });
  }
  const millions = metered / 1e6;
  const lineItems = [
    chargeFirstTier(`Requests (${formatCount(requests)}, metered in 512 KB increments)`, "API Gateway", millions, ctx.prices.apiGateway.httpApiRequests),
  ];
  return { cost: resourceCost(name, "resource", api.type, "API Gateway", lineItems, assumptions), meters: { httpApiMillionRequests: millions } };
}

export function estimateRestApi(logicalId: string, resource: CloudformationResource, ctx: EstimateContext): Priced {
  const assumptions: Assumption[] = [];
  const requests = given(ctx.usage[logicalId]?.requestsPerMonth, "requestsPerMonth", USAGE_DEFAULTS.trafficPerMonth, assumptions);
  const millions = requests / 1e6;
  const lineItems = [chargeFirstTier(`Requests (${formatCount(requests)})`, "API Gateway", millions, ctx.prices.apiGateway.restApiRequests)];
  return { cost: resourceCost(logicalId, "cloudformation", resource.Type, "API Gateway", lineItems, assumptions), meters: { restApiMillionRequests: millions } };
}
