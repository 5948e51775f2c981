// Where traffic goes: each function's triggers, the events and invocations they bring, and the stack
// resource (API, load balancer, queue, topic, bus, stream) each trigger reads from.
import { parseDirective } from "@/lib/stack/directives";
import type { FunctionEvent, LambdaFunction } from "@/lib/stack/schema";
import {
  DEFAULT_DYNAMODB_BATCH_SIZE,
  DEFAULT_KAFKA_BATCH_SIZE,
  DEFAULT_KINESIS_BATCH_SIZE,
  DEFAULT_SQS_BATCH_SIZE,
} from "@/lib/stack/defaults";
import { given } from "./line-items";
import { schedulesPerMonth } from "./schedule-rate";
import type { Assumption } from "./types";
import { USAGE_DEFAULTS, type FunctionUsage } from "./usage";

/** A resource of the definition (by name) or of `cloudformationResources` (by logical id). */
export interface TrafficTarget {
  kind: "resource" | "cloudformation";
  name: string;
}

export interface TriggerTraffic {
  functionName: string;
  /** Position in the function's `events`. */
  index: number;
  event: FunctionEvent;
  eventsPerMonth: number;
  payloadKb: number;
  averageBatchSize: number;
  invocationsPerMonth: number;
  target?: TrafficTarget;
}

export interface FunctionTraffic {
  invocationsPerMonth: number;
  triggers: TriggerTraffic[];
  assumptions: Assumption[];
}

export const targetKey = (target: TrafficTarget): string => `${target.kind}:${target.name}`;

/** The stack resource an ARN-valued property points at through a directive; undefined for literal ARNs. */
function targetOfArn(value: string | undefined): TrafficTarget | undefined {
  if (value === undefined) return undefined;
  const parsed = parseDirective(value);
  if (!parsed?.ok) return undefined;
  const d = parsed.directive;
  if (d.kind === "ResourceParam") return { kind: "resource", name: d.resourceName };
  if (d.kind === "CfResourceParam") return { kind: "cloudformation", name: d.logicalId };
  return undefined;
}

export function targetOf(event: FunctionEvent): TrafficTarget | undefined {
  switch (event.type) {
    case "http-api-gateway":
      return { kind: "resource", name: event.properties.httpApiGatewayName };
    case "application-load-balancer":
      return { kind: "resource", name: event.properties.loadBalancerName };
    case "event-bus":
      if (event.properties.eventBusName) return { kind: "resource", name: event.properties.eventBusName };
      return targetOfArn(event.properties.eventBusArn);
    case "sqs":
      return targetOfArn(event.properties.queueArn);
    case "sns":
      return targetOfArn(event.properties.topicArn);
    case "kinesis-stream":
      return targetOfArn(event.properties.streamArn);
    default:
      return undefined;
  }
}

/** Triggers whose payload size changes a price (metered requests, chunks, payload units, LCUs). */
const PAYLOAD_PRICED = new Set<FunctionEvent["type"]>(["http-api-gateway", "application-load-balancer", "sqs", "sns", "event-bus", "kinesis-stream"]);

/** The most events one invocation can get, for the sources Lambda polls in batches. */
function maxBatchSize(event: FunctionEvent): number | undefined {
  switch (event.type) {
    case "sqs":
      return event.properties.batchSize ?? DEFAULT_SQS_BATCH_SIZE;
    case "kinesis-stream":
      return event.properties.batchSize ?? DEFAULT_KINESIS_BATCH_SIZE;
    case "dynamo-db-stream":
      return event.properties.batchSize ?? DEFAULT_DYNAMODB_BATCH_SIZE;
    case "kafka-topic":
      return event.properties.batchSize ?? DEFAULT_KAFKA_BATCH_SIZE;
    default:
      return undefined;
  }
}

function triggerTraffic(functionName: string, event: FunctionEvent, index: number, usage: FunctionUsage["events"], assumptions: Assumption[]): TriggerTraffic {
  const own = usage?.[index] ?? {};
  const field = (name: string) => `events[${index}].${name}`;
  const schedule = event.type === "schedule" ? event.properties.scheduleRate : undefined;
  const scheduled = schedule === undefined ? undefined : schedulesPerMonth(schedule);
  const eventsPerMonth =
    scheduled !== undefined
      ? given(own.eventsPerMonth, field("eventsPerMonth"), { value: scheduled, note: `${schedule} in a 730-hour month` }, assumptions, "derived")
      : given(own.eventsPerMonth, field("eventsPerMonth"), USAGE_DEFAULTS.trafficPerMonth, assumptions);
  const payloadKb = PAYLOAD_PRICED.has(event.type)
    ? given(own.payloadKb, field("payloadKb"), USAGE_DEFAULTS.payloadKb, assumptions)
    : (own.payloadKb ?? USAGE_DEFAULTS.payloadKb.value);
  const batchLimit = maxBatchSize(event);
  const averageBatchSize =
    batchLimit === undefined ? 1 : Math.min(batchLimit, given(own.averageBatchSize, field("averageBatchSize"), USAGE_DEFAULTS.averageBatchSize, assumptions));
  return {
    functionName,
    index,
    event,
    eventsPerMonth,
    payloadKb,
    averageBatchSize,
    invocationsPerMonth: eventsPerMonth / averageBatchSize,
    target: targetOf(event),
  };
}

export function functionTraffic(name: string, fn: LambdaFunction, usage: FunctionUsage | undefined): FunctionTraffic {
  const assumptions: Assumption[] = [];
  const triggers = (fn.properties.events ?? []).map((event, i) => triggerTraffic(name, event, i, usage?.events, assumptions));
  const invocationsPerMonth =
    usage?.invocationsPerMonth ??
    (triggers.length > 0
      ? triggers.reduce((sum, t) => sum + t.invocationsPerMonth, 0)
      : given(undefined, "invocationsPerMonth", USAGE_DEFAULTS.invocationsPerMonth, assumptions));
  return { invocationsPerMonth, triggers, assumptions };
}

/** Triggers grouped by the resource they read from. */
export function triggersByTarget(functions: Iterable<FunctionTraffic>): Map<string, TriggerTraffic[]> {
  const byTarget = new Map<string, TriggerTraffic[]>();
  for (const fn of functions) {
    for (const trigger of fn.triggers) {
      if (!trigger.target) continue;
      const key = targetKey(trigger.target);
      const list = byTarget.get(key);
      if (list) list.push(trigger);
      else byTarget.set(key, [trigger]);
    }
  }
  return byTarget;
}
