// SQS queues, SNS topics, EventBridge buses and Kinesis streams. Traffic comes from the resource's usage,
// else from the triggers that read from it, else from the default. Queues are consumed competitively
// (their triggers' messages add up); topics, buses and streams fan out (every subscriber sees each event,
// so the busiest subscription stands for the resource).
import type { CloudformationResource, EventBus } from "@/lib/stack/schema";
import { charge, formatCount, given, resourceCost } from "../line-items";
import { targetKey, type TrafficTarget, type TriggerTraffic } from "../traffic";
import type { Assumption } from "../types";
import { chunks, HOURS_PER_MONTH } from "../units";
import { USAGE_DEFAULTS } from "../usage";
import type { EstimateContext, Priced } from "./context";

const MESSAGE_CHUNK_KB = 64;
const KINESIS_PAYLOAD_UNIT_KB = 25;

function triggersOf(ctx: EstimateContext, target: TrafficTarget): TriggerTraffic[] {
  return ctx.byTarget.get(targetKey(target)) ?? [];
}

/** Events a month and their size for a fan-out resource: its usage, else its busiest subscriber, else the default. */
function fanOutTraffic(
  own: { perMonth?: number; payloadKb?: number },
  field: string,
  subscribers: readonly TriggerTraffic[],
  assumptions: Assumption[],
): { perMonth: number; payloadKb: number } {
  if (own.perMonth === undefined && subscribers.length > 0) {
    const busiest = subscribers.reduce((a, b) => (b.eventsPerMonth > a.eventsPerMonth ? b : a));
    assumptions.push({ field, value: busiest.eventsPerMonth, basis: "derived", note: `events of ${busiest.functionName}'s trigger` });
    return { perMonth: busiest.eventsPerMonth, payloadKb: own.payloadKb ?? busiest.payloadKb };
  }
  return {
    perMonth: given(own.perMonth, field, USAGE_DEFAULTS.trafficPerMonth, assumptions),
    payloadKb: given(own.payloadKb, "payloadKb", USAGE_DEFAULTS.payloadKb, assumptions),
  };
}

/** One send per message, and one receive and one delete per batch the consumer takes; payloads metered in 64 KB chunks. */
function queueRequests(messages: number, payloadKb: number, batchSize: number): number {
  const batches = messages / batchSize;
  return messages * chunks(payloadKb, MESSAGE_CHUNK_KB) + batches * (chunks(batchSize * payloadKb, MESSAGE_CHUNK_KB) + 1);
}

export function estimateQueue(logicalId: string, queue: CloudformationResource, ctx: EstimateContext): Priced {
  const usage = ctx.usage[logicalId] ?? {};
  const assumptions: Assumption[] = [];
  const consumers = triggersOf(ctx, { kind: "cloudformation", name: logicalId });
  let messages: number;
  let requests: number;
  if (usage.messagesPerMonth === undefined && consumers.length > 0) {
    messages = consumers.reduce((sum, c) => sum + c.eventsPerMonth, 0);
    requests = consumers.reduce((sum, c) => sum + queueRequests(c.eventsPerMonth, c.payloadKb, c.averageBatchSize), 0);
    assumptions.push({ field: "messagesPerMonth", value: messages, basis: "derived", note: "sum of its consumers' events" });
  } else {
    messages = given(usage.messagesPerMonth, "messagesPerMonth", USAGE_DEFAULTS.trafficPerMonth, assumptions);
    const payloadKb = given(usage.payloadKb, "payloadKb", USAGE_DEFAULTS.payloadKb, assumptions);
    const batch = given(usage.averageBatchSize, "averageBatchSize", USAGE_DEFAULTS.averageBatchSize, assumptions);
    requests = queueRequests(messages, payloadKb, batch);
  }
  const fifo = queue.Properties?.FifoQueue === true;
  const price = fifo ? ctx.prices.messaging.sqsFifoRequests : ctx.prices.messaging.sqsStandardRequests;
  const millions = requests / 1e6;
  const lineItems = [
    charge(`${fifo ? "FIFO" : "Standard"} requests (${formatCount(messages)} messages: send, receive, delete)`, "SQS", millions, price),
  ];
  return {
    cost: resourceCost(logicalId, "cloudformation", queue.Type, "SQS", lineItems, assumptions),
    meters: fifo ? { sqsFifoMillionRequests: millions } : { sqsStandardMillionRequests: millions },
  };
}

export function estimateTopic(logicalId: string, topic: CloudformationResource, ctx: EstimateContext): Priced {
  const usage = ctx.usage[logicalId] ?? {};
  const assumptions: Assumption[] = [];
  const subscribers = triggersOf(ctx, { kind: "cloudformation", name: logicalId });
  const { perMonth, payloadKb } = fanOutTraffic({ perMonth: usage.publishesPerMonth, payloadKb: usage.payloadKb }, "publishesPerMonth", subscribers, assumptions);
  const millions = (perMonth * chunks(payloadKb, MESSAGE_CHUNK_KB)) / 1e6;
  const lineItems = [
    charge(`Publishes (${formatCount(perMonth)}, 64 KB chunks; deliveries to Lambda are free)`, "SNS", millions, ctx.prices.messaging.snsPublishes),
  ];
  return { cost: resourceCost(logicalId, "cloudformation", topic.Type, "SNS", lineItems, assumptions), meters: { snsMillionPublishes: millions } };
}

function busCost(target: TrafficTarget, type: string, ctx: EstimateContext): Priced {
  const usage = ctx.usage[target.name] ?? {};
  const assumptions: Assumption[] = [];
  const rules = triggersOf(ctx, target);
  const { perMonth, payloadKb } = fanOutTraffic({ perMonth: usage.eventsPerMonth, payloadKb: usage.payloadKb }, "eventsPerMonth", rules, assumptions);
  const millions = (perMonth * chunks(payloadKb, MESSAGE_CHUNK_KB)) / 1e6;
  const lineItems = [charge(`Custom events (${formatCount(perMonth)}, 64 KB chunks)`, "EventBridge", millions, ctx.prices.messaging.eventBridgeCustomEvents)];
  return { cost: resourceCost(target.name, target.kind, type, "EventBridge", lineItems, assumptions), meters: {} };
}

export function estimateEventBus(name: string, bus: EventBus, ctx: EstimateContext): Priced {
  return busCost({ kind: "resource", name }, bus.type, ctx);
}

export function estimateCloudformationEventBus(logicalId: string, bus: CloudformationResource, ctx: EstimateContext): Priced {
  return busCost({ kind: "cloudformation", name: logicalId }, bus.Type, ctx);
}

export function isOnDemandStream(stream: CloudformationResource): boolean {
  const mode = stream.Properties?.StreamModeDetails;
  return typeof mode === "object" && mode !== null && !Array.isArray(mode) && mode.StreamMode === "ON_DEMAND";
}

/** Provisioned-mode streams only (see isOnDemandStream). */
export function estimateStream(logicalId: string, stream: CloudformationResource, ctx: EstimateContext): Priced {
  const usage = ctx.usage[logicalId] ?? {};
  const assumptions: Assumption[] = [];
  const declared = stream.Properties?.ShardCount;
  const shards =
    typeof declared === "number" ? declared : given(undefined, "shards", { value: 1, note: "ShardCount is not a number; 1 shard assumed" }, assumptions);
  const consumers = triggersOf(ctx, { kind: "cloudformation", name: logicalId });
  const { perMonth, payloadKb } = fanOutTraffic({ perMonth: usage.recordsPerMonth, payloadKb: usage.payloadKb }, "recordsPerMonth", consumers, assumptions);
  const prices = ctx.prices.messaging;
  const lineItems = [
    charge(`Shard hours (${formatCount(shards)} shard${shards === 1 ? "" : "s"})`, "Kinesis", shards * HOURS_PER_MONTH, prices.kinesisShardHours),
    charge(
      `PUT payload units (${formatCount(perMonth)} records, 25 KB units)`,
      "Kinesis",
      (perMonth * chunks(payloadKb, KINESIS_PAYLOAD_UNIT_KB)) / 1e6,
      prices.kinesisPutPayloadUnits,
    ),
  ];
  return { cost: resourceCost(logicalId, "cloudformation", stream.Type, "Kinesis", lineItems, assumptions), meters: {} };
}
