// Canvas edits: connecting a node to a function creates the matching trigger (or grant); deleting an
// edge removes what it stands for. Pure: definition in, definition (or a reason) out.
import { ALLOW_ACCESS_TO_TYPES, type FunctionEvent, type StackDefinition } from "@/lib/stack";
import { buildGraph, type EdgeRef, type GraphNode } from "./graph";
import { getIn, setInPruned, type Path } from "./paths";

export const resourceParam = (name: string, param: string) => `$ResourceParam('${name}', '${param}')`;
export const cfResourceParam = (logicalId: string, attribute: string) => `$CfResourceParam('${logicalId}', '${attribute}')`;

/** The event a source node gives a function when connected to it; undefined when that pairing is not a trigger. */
export function triggerFor(source: GraphNode, definition: StackDefinition, fn: string): FunctionEvent | undefined {
  switch (source.kind) {
    case "http-api-gateway":
      return { type: "http-api-gateway", properties: { httpApiGatewayName: source.id, method: "GET", path: `/${fn}` } };
    case "event-bus":
      return { type: "event-bus", properties: { eventBusName: source.id, eventPattern: { source: [fn] } } };
    case "queue":
      return { type: "sqs", properties: { queueArn: cfResourceParam(source.id, "Arn") } };
    case "topic":
      return { type: "sns", properties: { topicArn: cfResourceParam(source.id, "TopicArn") } };
    case "stream":
      return { type: "kinesis-stream", properties: { streamArn: cfResourceParam(source.id, "Arn") } };
    case "dynamo-db-table":
      return { type: "dynamo-db-stream", properties: { streamArn: resourceParam(source.id, "streamArn") } };
    case "bucket":
      return { type: "s3", properties: { bucketArn: resourceParam(source.id, "arn"), s3EventType: "s3:ObjectCreated:*" } };
    case "application-load-balancer": {
      // Rules on one listener need distinct priorities: take the next free one.
      const used = Object.values(definition.resources).flatMap((r) =>
        r.type === "function" ? (r.properties.events ?? []).flatMap((e) => (e.type === "application-load-balancer" ? [e.properties.priority] : [])) : [],
      );
      return { type: "application-load-balancer", properties: { loadBalancerName: source.id, priority: Math.max(0, ...used) + 1, paths: [`/${fn}`] } };
    }
    case "function":
      if (source.id === fn) return undefined;
      return { type: "cloudwatch-log", properties: { logGroupArn: resourceParam(source.id, "logGroupArn") } };
    default:
      return undefined;
  }
}

export type ConnectResult = { ok: true; definition: StackDefinition; selectPath: Path } | { ok: false; reason: string };

/**
 * source -> function: the trigger above. function -> bucket, table, bus or function: an allowAccessTo grant.
 * Anything else is refused with the reason, so the canvas can say what would work.
 */
export function connect(definition: StackDefinition, sourceId: string, targetId: string): ConnectResult {
  const { nodes } = buildGraph(definition);
  const source = nodes.find((n) => n.id === sourceId);
  const target = nodes.find((n) => n.id === targetId);
  if (!source || !target) return { ok: false, reason: "both ends must be resources on the canvas" };
  if (target.kind === "function") {
    const event = triggerFor(source, definition, targetId);
    if (event) {
      const eventsPath = ["resources", targetId, "properties", "events"];
      const events = (getIn(definition, eventsPath) as FunctionEvent[] | undefined) ?? [];
      return { ok: true, definition: setInPruned(definition, eventsPath, [...events, event]), selectPath: [...eventsPath, events.length] };
    }
  }
  if (source.kind === "function" && (ALLOW_ACCESS_TO_TYPES as readonly string[]).includes(target.kind) && source.id !== target.id) {
    const path = ["resources", sourceId, "properties", "accessControl", "allowAccessTo"];
    const list = (getIn(definition, path) as string[] | undefined) ?? [];
    if (list.includes(targetId)) return { ok: false, reason: `${sourceId} already has access to ${targetId}` };
    return { ok: true, definition: setInPruned(definition, path, [...list, targetId]), selectPath: path };
  }
  return {
    ok: false,
    reason: `a ${source.kind} cannot be connected to a ${target.kind}: connect an event source to a function to add a trigger, or a function to a bucket, table, event bus or function to grant access`,
  };
}

export function refPath(ref: EdgeRef): Path {
  switch (ref.kind) {
    case "event":
      return ["resources", ref.fn, "properties", "events", ref.index];
    case "authorizer":
      return ["resources", ref.fn, "properties", "events", ref.index, "properties", "authorizer"];
    case "destination":
      return ["resources", ref.fn, "properties", "destinations", ref.which];
    case "allowAccessTo":
      return ["resources", ref.fn, "properties", "accessControl", "allowAccessTo", ref.index];
    case "connectTo":
      return ["resources", ref.fn, "properties", "connectTo", ref.index];
    case "edge":
      return ["resources", ref.bucket, "properties", "cdn", "edgeFunctions", ref.trigger];
  }
}

/** Removes what an edge stands for; mappings and lists left empty go too (down to the resource's properties). */
export function removeEdge(definition: StackDefinition, ref: EdgeRef): StackDefinition {
  return setInPruned(definition, refPath(ref), undefined, 3);
}
