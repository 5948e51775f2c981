// Lambda functions and Lambda@Edge functions: requests, duration (GB-seconds), ephemeral storage above
// the free 512 MB, provisioned concurrency, and their logs.
import {
  DEFAULT_ARCHITECTURE,
  DEFAULT_EDGE_MEMORY_MB,
  DEFAULT_EPHEMERAL_STORAGE_MB,
  DEFAULT_FUNCTION_MEMORY_MB,
} from "@/lib/stack/defaults";
import type { EdgeLambdaFunction, LambdaFunction } from "@/lib/stack/schema";
import { charge, chargeFirstTier, formatCount, given, resourceCost } from "../line-items";
import type { Assumption, CostLineItem } from "../types";
import { MB_PER_GB } from "../units";
import { USAGE_DEFAULTS } from "../usage";
import type { EstimateContext, MeterReadings, Priced } from "./context";
import { logCharges } from "./logs";

export function estimateFunction(name: string, fn: LambdaFunction, ctx: EstimateContext): Priced {
  const props = fn.properties;
  const usage = ctx.usage[name] ?? {};
  const traffic = ctx.functions.get(name);
  const assumptions: Assumption[] = [...(traffic?.assumptions ?? [])];
  const invocations = traffic?.invocationsPerMonth ?? 0;
  const memoryMb = props.memory ?? DEFAULT_FUNCTION_MEMORY_MB;
  const arch = props.architecture ?? DEFAULT_ARCHITECTURE;
  const durationMs = given(usage.averageDurationMs, "averageDurationMs", USAGE_DEFAULTS.averageDurationMs, assumptions);
  const seconds = invocations * (durationMs / 1000);
  const gbSeconds = seconds * (memoryMb / MB_PER_GB);
  const prices = ctx.prices.lambda;
  const meters: MeterReadings = {};

  const lineItems: CostLineItem[] = [charge(`Requests (${formatCount(invocations)} invocations)`, "Lambda", invocations / 1e6, prices.requests)];
  const shape = `${arch}, ${formatCount(memoryMb)} MB, ${formatCount(durationMs)} ms average`;
  if (props.provisionedConcurrency !== undefined) {
    const hours = given(usage.provisionedHoursPerMonth, "provisionedHoursPerMonth", USAGE_DEFAULTS.provisionedHoursPerMonth, assumptions);
    const provisionedGbSeconds = props.provisionedConcurrency * (memoryMb / MB_PER_GB) * hours * 3600;
    lineItems.push(
      charge(
        `Provisioned concurrency (${props.provisionedConcurrency} × ${formatCount(memoryMb)} MB for ${formatCount(hours)} h)`,
        "Lambda",
        provisionedGbSeconds,
        prices.provisionedConcurrency[arch],
      ),
      // Invocations beyond the provisioned concurrency would be billed at the on-demand price; assumed none.
      charge(`Duration on provisioned concurrency (${shape})`, "Lambda", gbSeconds, prices.provisionedDuration[arch]),
    );
  } else {
    lineItems.push(chargeFirstTier(`Duration (${shape})`, "Lambda", gbSeconds, prices.duration[arch]));
    meters.lambdaGbSeconds = { [arch]: gbSeconds };
    meters.lambdaFreeEligibleGbSeconds = { [arch]: gbSeconds };
    meters.lambdaFreeEligibleRequests = invocations;
  }
  const storageMb = props.storage ?? DEFAULT_EPHEMERAL_STORAGE_MB;
  if (storageMb > DEFAULT_EPHEMERAL_STORAGE_MB) {
    const extraMb = storageMb - DEFAULT_EPHEMERAL_STORAGE_MB;
    lineItems.push(
      charge(`Ephemeral storage (${formatCount(extraMb)} MB above the free 512 MB)`, "Lambda", seconds * (extraMb / MB_PER_GB), prices.ephemeralStorage),
    );
  }
  const logs = logCharges(props.logging, invocations, usage.logBytesPerInvocation, ctx, assumptions);
  lineItems.push(...logs.lineItems);
  return { cost: resourceCost(name, "resource", fn.type, "Lambda", lineItems, assumptions), meters: { ...meters, ...logs.meters } };
}

export function estimateEdgeFunction(name: string, fn: EdgeLambdaFunction, ctx: EstimateContext): Priced {
  const usage = ctx.usage[name] ?? {};
  const assumptions: Assumption[] = [];
  const invocations = given(usage.invocationsPerMonth, "invocationsPerMonth", USAGE_DEFAULTS.invocationsPerMonth, assumptions);
  const durationMs = given(usage.averageDurationMs, "averageDurationMs", USAGE_DEFAULTS.averageDurationMs, assumptions);
  const memoryMb = fn.properties.memory ?? DEFAULT_EDGE_MEMORY_MB;
  const gbSeconds = invocations * (durationMs / 1000) * (memoryMb / MB_PER_GB);
  const prices = ctx.prices.lambdaEdge;
  const logs = logCharges(fn.properties.logging, invocations, usage.logBytesPerInvocation, ctx, assumptions);
  const lineItems = [
    charge(`Requests (${formatCount(invocations)} invocations)`, "Lambda@Edge", invocations / 1e6, prices.requests),
    charge(`Duration (${formatCount(memoryMb)} MB, ${formatCount(durationMs)} ms average)`, "Lambda@Edge", gbSeconds, prices.duration),
    ...logs.lineItems,
  ];
  return { cost: resourceCost(name, "resource", fn.type, "Lambda@Edge", lineItems, assumptions), meters: logs.meters };
}
