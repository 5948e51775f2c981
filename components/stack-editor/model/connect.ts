// Canvas edits: connecting a node to a function creates the matching trigger; a function to another
// node, a destination, failure target or grant (the person picks when there are several); deleting an
// edge removes what it stands for. Pure: definition in, definition (or a reason) out.
import { ALLOW_ACCESS_TO_TYPES, type FunctionEvent, type StackDefinition } from "@/lib/stack";
import { ALB_CONDITION_VALUE_MAX_CHARS } from "@/lib/stack/limits";
import { buildGraph, describeEvent, type EdgeRef, type GraphNode } from "./graph";
import { getIn, setInPruned, type Path } from "./paths";

export const resourceParam = (name: string, param: string) => `$ResourceParam('${name}', '${param}')`;
export const cfResourceParam = (logicalId: string, attribute: string) => `$CfResourceParam('${logicalId}', '${attribute}')`;

/** The event a source node gives a function when connected to it; undefined when that pairing is not a trigger (a function is a destination, not a trigger). */
export function triggerFor(source: GraphNode, definition: StackDefinition, fn: string): FunctionEvent | undefined {
  switch (source.kind) {
    case "http-api-gateway":
      return { type: "http-api-gateway", properties: { httpApiGatewayName: source.id, method: "GET", path: `/${fn}` } };
    case "event-bus":
      // Every event has a source and an empty prefix matches any: all of the bus's events, until the person narrows it.
      return { type: "event-bus", properties: { eventBusName: source.id, eventPattern: { source: [{ prefix: "" }] } } };
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
      // A path condition is at most 128 characters, a function name may be longer.
      const path = `/${fn}`.slice(0, ALB_CONDITION_VALUE_MAX_CHARS);
      return { type: "application-load-balancer", properties: { loadBalancerName: source.id, priority: Math.max(0, ...used) + 1, paths: [path] } };
    }
    default:
      return undefined;
  }
}

/** One meaning a drawn edge can have, with the definition it makes. */
export interface ConnectChoice {
  id: string;
  label: string;
  definition: StackDefinition;
  selectPath: Path;
}

export type ConnectChoices = { ok: true; choices: ConnectChoice[] } | { ok: false; reason: string };
export type ConnectResult = { ok: true; definition: StackDefinition; selectPath: Path } | { ok: false; reason: string };

/** How a function's destinations and its triggers' failure targets refer to a node. */
function destinationArn(node: GraphNode): string | undefined {
  switch (node.kind) {
    case "function":
    case "event-bus":
      return resourceParam(node.id, "arn");
    case "queue":
      return cfResourceParam(node.id, "Arn");
    case "topic":
      return cfResourceParam(node.id, "TopicArn");
    default:
      return undefined;
  }
}

/** function -> queue or topic: the failure target of each stream trigger (onFailure) and, for a queue, each SNS trigger (onDeliveryFailure). */
function failureChoices(definition: StackDefinition, fn: string, target: GraphNode, arn: string): ConnectChoice[] {
  const eventsPath = ["resources", fn, "properties", "events"];
  const events = (getIn(definition, eventsPath) as FunctionEvent[] | undefined) ?? [];
  return events.flatMap((event, index): ConnectChoice[] => {
    const props = [...eventsPath, index, "properties"];
    const label = describeEvent(event);
    if ((event.type === "kinesis-stream" || event.type === "dynamo-db-stream") && (target.kind === "queue" || target.kind === "topic")) {
      const path = [...props, "onFailure"];
      const value = { arn, type: target.kind === "queue" ? "sqs" : "sns" };
      return [{ id: `failure:${index}`, label: `Failed records of the ${label} trigger (onFailure)`, definition: setInPruned(definition, path, value), selectPath: path }];
    }
    if (event.type === "sns" && target.kind === "queue") {
      const path = [...props, "onDeliveryFailure"];
      const value = { sqsQueueArn: arn, sqsQueueUrl: cfResourceParam(target.id, "QueueUrl") };
      return [{ id: `failure:${index}`, label: `Undelivered messages of the ${label} trigger (onDeliveryFailure)`, definition: setInPruned(definition, path, value), selectPath: path }];
    }
    return [];
  });
}

/**
 * What an edge drawn from `sourceId` to `targetId` can mean. source -> function: the trigger above.
 * function -> function, event bus, queue or topic: an onSuccess or onFailure destination (and a stream
 * or SNS trigger's failure target). function -> bucket, table, bus or function: an allowAccessTo grant.
 * Anything else is refused with the reason, so the canvas can say what would work.
 */
export function connectChoices(definition: StackDefinition, sourceId: string, targetId: string): ConnectChoices {
  const { nodes } = buildGraph(definition);
  const source = nodes.find((n) => n.id === sourceId);
  const target = nodes.find((n) => n.id === targetId);
  if (!source || !target) return { ok: false, reason: "both ends must be resources on the canvas" };
  if (source.id === target.id) return { ok: false, reason: `${sourceId} cannot be connected to itself` };
  if (target.kind === "function" && source.kind !== "function") {
    const event = triggerFor(source, definition, targetId);
    if (event) {
      const eventsPath = ["resources", targetId, "properties", "events"];
      const events = (getIn(definition, eventsPath) as FunctionEvent[] | undefined) ?? [];
      const selectPath = [...eventsPath, events.length];
      return { ok: true, choices: [{ id: "trigger", label: `${describeEvent(event)} trigger`, definition: setInPruned(definition, selectPath, event), selectPath }] };
    }
  }
  const choices: ConnectChoice[] = [];
  const arn = destinationArn(target);
  if (source.kind === "function" && arn) {
    const destinations = ["resources", sourceId, "properties", "destinations"];
    for (const which of ["onSuccess", "onFailure"] as const) {
      const path = [...destinations, which];
      const current = getIn(definition, path);
      if (current === arn) continue;
      const replaces = typeof current === "string" ? ` (replaces ${current})` : "";
      choices.push({ id: which, label: `${which} destination${replaces}`, definition: setInPruned(definition, path, arn), selectPath: path });
    }
    choices.push(...failureChoices(definition, sourceId, target, arn));
  }
  if (source.kind === "function" && (ALLOW_ACCESS_TO_TYPES as readonly string[]).includes(target.kind)) {
    const path = ["resources", sourceId, "properties", "accessControl", "allowAccessTo"];
    const list = (getIn(definition, path) as string[] | undefined) ?? [];
    if (!list.includes(targetId)) choices.push({ id: "access", label: `Access grant (allowAccessTo ${targetId})`, definition: setInPruned(definition, path, [...list, targetId]), selectPath: path });
  }
  if (choices.length) return { ok: true, choices };
  if (source.kind === "function" && (arn || (ALLOW_ACCESS_TO_TYPES as readonly string[]).includes(target.kind))) {
    return { ok: false, reason: `${sourceId} is already connected to ${targetId} in every way a function can be` };
  }
  return {
    ok: false,
    reason: `a ${source.kind} cannot be connected to a ${target.kind}: connect an event source to a function to add a trigger, a function to a function, event bus, queue or topic for a destination, or a function to a bucket, table, event bus or function to grant access`,
  };
}

/** The edge drawn with the choice `choiceId`, or the only meaning it has; several meanings and no choice is refused, naming them. */
export function connect(definition: StackDefinition, sourceId: string, targetId: string, choiceId?: string): ConnectResult {
  const r = connectChoices(definition, sourceId, targetId);
  if (!r.ok) return r;
  const chosen = choiceId === undefined ? (r.choices.length === 1 ? r.choices[0] : undefined) : r.choices.find((c) => c.id === choiceId);
  if (chosen) return { ok: true, definition: chosen.definition, selectPath: chosen.selectPath };
  if (choiceId !== undefined) return { ok: false, reason: `${sourceId} -> ${targetId} has no choice "${choiceId}"` };
  return { ok: false, reason: `${sourceId} -> ${targetId} can be: ${r.choices.map((c) => c.label).join("; ")}. Draw it on the canvas to choose, or set it in ${sourceId}'s settings.` };
}

export function refPath(ref: EdgeRef): Path {
  switch (ref.kind) {
    case "event":
      return ["resources", ref.fn, "properties", "events", ref.index];
    case "authorizer":
      return ["resources", ref.fn, "properties", "events", ref.index, "properties", "authorizer"];
    case "destination":
      return ["resources", ref.fn, "properties", "destinations", ref.which];
    case "failure":
      return ["resources", ref.fn, "properties", "events", ref.index, "properties", ref.field];
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
