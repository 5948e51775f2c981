// Application Load Balancers: hours, Load Balancer Capacity Units and, when internet-facing, the public
// IPv4 addresses of its nodes.
import type { ApplicationLoadBalancer } from "@/lib/stack/schema";
import { charge, formatCount, given, resourceCost } from "../line-items";
import { targetKey, type TriggerTraffic } from "../traffic";
import type { Assumption } from "../types";
import { HOURS_PER_MONTH, SECONDS_PER_MONTH } from "../units";
import type { EstimateContext, Priced } from "./context";

// One LCU (ELB pricing page): 25 new connections/s, 3,000 active connections/min, 1 GB/h processed
// (0.4 GB/h for Lambda targets), 1,000 rule evaluations/s; the first 10 rules of a request are free.
const LCU_NEW_CONNECTIONS_PER_SECOND = 25;
const LCU_LAMBDA_GB_PER_HOUR = 0.4;
const LCU_RULE_EVALUATIONS_PER_SECOND = 1000;
const FREE_RULES = 10;
/** The renderer puts load balancers in the default VPC's two subnets: one node, one address, per subnet. */
const PUBLIC_ADDRESSES = 2;

/**
 * Average LCUs from the routes' traffic: every request a new connection, every rule evaluated. Active
 * connections are not counted (Lambda requests are short-lived).
 */
export function lcuFromRoutes(routes: readonly TriggerTraffic[]): number {
  const requests = routes.reduce((sum, r) => sum + r.eventsPerMonth, 0);
  const processedGb = routes.reduce((sum, r) => sum + (r.eventsPerMonth * r.payloadKb) / 1024 ** 2, 0);
  const requestsPerSecond = requests / SECONDS_PER_MONTH;
  return Math.max(
    requestsPerSecond / LCU_NEW_CONNECTIONS_PER_SECOND,
    processedGb / HOURS_PER_MONTH / LCU_LAMBDA_GB_PER_HOUR,
    (requestsPerSecond * Math.max(0, routes.length - FREE_RULES)) / LCU_RULE_EVALUATIONS_PER_SECOND,
  );
}

export function estimateLoadBalancer(name: string, alb: ApplicationLoadBalancer, ctx: EstimateContext): Priced {
  const prices = ctx.prices;
  const assumptions: Assumption[] = [];
  const routes = ctx.byTarget.get(targetKey({ kind: "resource", name })) ?? [];
  const derived = lcuFromRoutes(routes);
  const lcu = given(ctx.usage[name]?.lcuPerHour, "lcuPerHour", { value: derived, note: `from the ${routes.length} routes' traffic` }, assumptions, "derived");
  const lineItems = [
    charge("Load balancer hours", "Elastic Load Balancing", HOURS_PER_MONTH, prices.loadBalancing.albHours),
    charge(`LCU-hours (${formatCount(lcu)} LCU average)`, "Elastic Load Balancing", lcu * HOURS_PER_MONTH, prices.loadBalancing.albLcuHours),
  ];
  if (alb.properties?.interface !== "internal") {
    lineItems.push(
      charge(`Public IPv4 addresses (${PUBLIC_ADDRESSES}, one per subnet)`, "VPC", PUBLIC_ADDRESSES * HOURS_PER_MONTH, prices.vpc.publicIpv4Hours),
    );
  }
  return { cost: resourceCost(name, "resource", alb.type, "Elastic Load Balancing", lineItems, assumptions), meters: {} };
}
