// Definition -> canvas graph: a node per resource (and per queue, topic or stream declared in
// cloudformationResources), an edge per trigger, authorizer, destination (a function's onSuccess and
// onFailure, a stream trigger's onFailure, an SNS trigger's onDeliveryFailure), access grant and edge
// association. Each edge says how to remove it from the definition. Pure.
import { parseDirective, type StackDefinition, type StackResourceType, type FunctionEvent } from "@/lib/stack";

/** Raw CloudFormation types drawn on the canvas (the message sources a function can consume). */
export const CANVAS_CFN_TYPES = { "AWS::SQS::Queue": "queue", "AWS::SNS::Topic": "topic", "AWS::Kinesis::Stream": "stream" } as const;
export type CfnNodeKind = (typeof CANVAS_CFN_TYPES)[keyof typeof CANVAS_CFN_TYPES];
export type NodeKind = StackResourceType | CfnNodeKind;

export interface GraphNode {
  /** The resource name, or the cloudformationResources logical id. */
  id: string;
  kind: NodeKind;
  /** Where it lives in the definition. */
  section: "resources" | "cloudformationResources";
  /** One line per trigger that has no source node (schedules, Kafka, ARNs from outside the stack). */
  notes: string[];
}

export type EdgeKind = "trigger" | "authorizer" | "destination" | "access" | "edge";

export type EdgeRef =
  | { kind: "event"; fn: string; index: number }
  | { kind: "authorizer"; fn: string; index: number }
  | { kind: "destination"; fn: string; which: "onSuccess" | "onFailure" }
  /** Where a stream trigger (onFailure) or an SNS trigger (onDeliveryFailure) sends what it could not deliver. */
  | { kind: "failure"; fn: string; index: number; field: "onFailure" | "onDeliveryFailure" }
  | { kind: "allowAccessTo" | "connectTo"; fn: string; index: number }
  | { kind: "edge"; bucket: string; trigger: string };

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label: string;
  ref: EdgeRef;
}

/** The stack resource or raw resource a directive (or a plain name) points at, if it is on the canvas. */
export function referencedNode(value: unknown, nodes: ReadonlySet<string>): string | undefined {
  if (typeof value !== "string") return undefined;
  const parsed = parseDirective(value);
  if (parsed === null) return nodes.has(value) ? value : undefined;
  if (!parsed.ok) return undefined;
  const d = parsed.directive;
  const id = d.kind === "ResourceParam" ? d.resourceName : d.kind === "CfResourceParam" ? d.logicalId : undefined;
  return id !== undefined && nodes.has(id) ? id : undefined;
}

/** The resource an event is triggered by, or undefined for sources outside the stack. */
function eventSource(event: FunctionEvent): unknown {
  const p = event.properties as Record<string, unknown>;
  switch (event.type) {
    case "http-api-gateway":
      return p.httpApiGatewayName;
    case "event-bus":
      return p.eventBusName ?? p.eventBusArn;
    case "sqs":
      return p.queueArn;
    case "sns":
      return p.topicArn;
    case "kinesis-stream":
    case "dynamo-db-stream":
      return p.streamArn;
    case "s3":
      return p.bucketArn;
    case "cloudwatch-log":
      return p.logGroupArn;
    case "application-load-balancer":
      return p.loadBalancerName;
    case "schedule":
    case "kafka-topic":
      return undefined;
  }
}

/** The queue or topic a trigger sends failed records (or undelivered messages) to. */
function failureTarget(event: FunctionEvent): { field: "onFailure" | "onDeliveryFailure"; value: unknown } | undefined {
  if ((event.type === "kinesis-stream" || event.type === "dynamo-db-stream") && event.properties.onFailure) {
    return { field: "onFailure", value: event.properties.onFailure.arn };
  }
  if (event.type === "sns" && event.properties.onDeliveryFailure) return { field: "onDeliveryFailure", value: event.properties.onDeliveryFailure.sqsQueueArn };
  return undefined;
}

export function describeEvent(event: FunctionEvent): string {
  const p = event.properties as Record<string, unknown>;
  switch (event.type) {
    case "http-api-gateway":
      return `${String(p.method ?? "")} ${String(p.path ?? "")}`.trim();
    case "schedule":
      return `schedule ${String(p.scheduleRate ?? "")}`;
    case "sqs":
      return `sqs${p.batchSize !== undefined ? ` batch ${String(p.batchSize)}` : ""}`;
    case "application-load-balancer":
      return `alb priority ${String(p.priority ?? "")}`;
    default:
      return event.type;
  }
}

export function buildGraph(definition: StackDefinition): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [];
  for (const [name, r] of Object.entries(definition.resources ?? {})) nodes.push({ id: name, kind: r.type, section: "resources", notes: [] });
  for (const [id, r] of Object.entries(definition.cloudformationResources ?? {})) {
    const kind = Object.hasOwn(CANVAS_CFN_TYPES, r.Type) ? CANVAS_CFN_TYPES[r.Type as keyof typeof CANVAS_CFN_TYPES] : undefined;
    if (kind) nodes.push({ id, kind, section: "cloudformationResources", notes: [] });
  }
  const ids = new Set(nodes.map((n) => n.id));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: GraphEdge[] = [];
  const add = (source: string | undefined, target: string, kind: EdgeKind, label: string, ref: EdgeRef) => {
    if (source === undefined) return false;
    edges.push({ id: `${kind}:${JSON.stringify(ref)}`, source, target, kind, label, ref });
    return true;
  };

  for (const [name, r] of Object.entries(definition.resources ?? {})) {
    if (r.type === "function") {
      const p = r.properties;
      (p.events ?? []).forEach((event, index) => {
        const label = describeEvent(event);
        if (!add(referencedNode(eventSource(event), ids), name, "trigger", label, { kind: "event", fn: name, index })) {
          byId.get(name)!.notes.push(label);
        }
        const failure = failureTarget(event);
        const failureNode = failure && referencedNode(failure.value, ids);
        if (failure && failureNode) add(name, failureNode, "destination", `${failure.field} of ${label}`, { kind: "failure", fn: name, index, field: failure.field });
        if (event.type === "http-api-gateway" && event.properties.authorizer) {
          const a = event.properties.authorizer;
          const from = a.type === "lambda" ? a.properties.functionName : a.properties.userPoolName;
          add(referencedNode(from, ids), name, "authorizer", `authorizes ${label}`, { kind: "authorizer", fn: name, index });
        }
      });
      for (const which of ["onSuccess", "onFailure"] as const) {
        const target = referencedNode(p.destinations?.[which], ids);
        if (target) add(name, target, "destination", which, { kind: "destination", fn: name, which });
      }
      (p.accessControl?.allowAccessTo ?? []).forEach((to, index) => {
        if (ids.has(to)) add(name, to, "access", "allowAccessTo", { kind: "allowAccessTo", fn: name, index });
      });
      (p.connectTo ?? []).forEach((to, index) => {
        if (ids.has(to)) add(name, to, "access", "connectTo", { kind: "connectTo", fn: name, index });
      });
    } else if (r.type === "edge-lambda-function") {
      (r.properties.connectTo ?? []).forEach((to, index) => {
        if (ids.has(to)) add(name, to, "access", "connectTo", { kind: "connectTo", fn: name, index });
      });
    } else if (r.type === "bucket") {
      for (const [trigger, fn] of Object.entries(r.properties?.cdn?.edgeFunctions ?? {})) {
        if (typeof fn === "string" && ids.has(fn)) add(fn, name, "edge", trigger, { kind: "edge", bucket: name, trigger });
      }
    }
  }
  return { nodes, edges };
}
