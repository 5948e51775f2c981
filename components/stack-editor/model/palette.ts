// What the palette adds: a resource of each kind with the least a valid definition needs, under a
// fresh name, plus a handler file for functions. Pure.
import type { CloudformationResource, StackDefinition, StackResource } from "@/lib/stack";
import type { NodeKind } from "./graph";
import type { CodeMap } from "./doc";

export interface PaletteItem {
  kind: NodeKind;
  label: string;
  /** Base of the generated name. */
  base: string;
}

export const PALETTE: readonly PaletteItem[] = [
  { kind: "function", label: "Function", base: "function" },
  { kind: "http-api-gateway", label: "HTTP API", base: "httpApi" },
  { kind: "queue", label: "SQS queue", base: "queue" },
  { kind: "topic", label: "SNS topic", base: "topic" },
  { kind: "stream", label: "Kinesis stream", base: "stream" },
  { kind: "event-bus", label: "Event bus", base: "eventBus" },
  { kind: "bucket", label: "Bucket", base: "bucket" },
  { kind: "dynamo-db-table", label: "DynamoDB table", base: "table" },
  { kind: "user-auth-pool", label: "User pool", base: "userPool" },
  { kind: "application-load-balancer", label: "Load balancer", base: "loadBalancer" },
  { kind: "edge-lambda-function", label: "Edge function", base: "edgeFunction" },
];

/** base, base2, base3, ... : the first not used by a resource or raw resource, nor `alsoTaken`. */
export function freshName(definition: StackDefinition, base: string, alsoTaken: (name: string) => boolean = () => false): string {
  const taken = new Set([...Object.keys(definition.resources ?? {}), ...Object.keys(definition.cloudformationResources ?? {})]);
  const free = (name: string) => !taken.has(name) && !alsoTaken(name);
  if (free(base)) return base;
  for (let i = 2; ; i++) if (free(`${base}${i}`)) return `${base}${i}`;
}

export const handlerPath = (name: string) => `src/${name}.ts`;

export const DEFAULT_HANDLER = `export default async function handler(event: unknown) {
  console.log(JSON.stringify(event));
  return { statusCode: 200, body: "ok" };
}
`;

const RAW: Partial<Record<NodeKind, CloudformationResource>> = {
  queue: { Type: "AWS::SQS::Queue" },
  topic: { Type: "AWS::SNS::Topic" },
  stream: { Type: "AWS::Kinesis::Stream", Properties: { ShardCount: 1 } },
};

function resourceOf(kind: NodeKind, name: string): StackResource | undefined {
  const buildpack = { type: "stacktape-lambda-buildpack" as const, properties: { entryfilePath: handlerPath(name) } };
  switch (kind) {
    case "function":
      return { type: "function", properties: { packaging: buildpack } };
    case "edge-lambda-function":
      return { type: "edge-lambda-function", properties: { packaging: buildpack } };
    case "http-api-gateway":
      return { type: "http-api-gateway" };
    case "bucket":
      return { type: "bucket" };
    case "event-bus":
      return { type: "event-bus" };
    case "user-auth-pool":
      return { type: "user-auth-pool" };
    case "dynamo-db-table":
      return { type: "dynamo-db-table", properties: { primaryKey: { partitionKey: { name: "id", type: "string" } } } };
    case "application-load-balancer":
      return { type: "application-load-balancer" };
    default:
      return undefined;
  }
}

/** Handler files already in the stack: its code, and every entry file a resource points at. */
function usedFiles(definition: StackDefinition, code: CodeMap): Set<string> {
  const entries = Object.values(definition.resources ?? {}).flatMap((r) => {
    const packaging = (r.properties as { packaging?: { properties?: { entryfilePath?: unknown } } } | undefined)?.packaging;
    const path = packaging?.properties?.entryfilePath;
    return typeof path === "string" ? [path] : [];
  });
  return new Set([...Object.keys(code), ...entries]);
}

export function addResource(definition: StackDefinition, code: CodeMap, item: PaletteItem): { definition: StackDefinition; code: CodeMap; name: string } {
  // A new function gets its own handler file: after a rename, the old name's file still belongs to the renamed function.
  const files = item.kind === "function" || item.kind === "edge-lambda-function" ? usedFiles(definition, code) : new Set<string>();
  const name = freshName(definition, item.base, (n) => files.has(handlerPath(n)));
  const raw = RAW[item.kind];
  if (raw) {
    return { definition: { ...definition, cloudformationResources: { ...definition.cloudformationResources, [name]: raw } }, code, name };
  }
  const resource = resourceOf(item.kind, name)!;
  const withCode = resource.type === "function" || resource.type === "edge-lambda-function" ? { ...code, [handlerPath(name)]: DEFAULT_HANDLER } : code;
  return { definition: { ...definition, resources: { ...definition.resources, [name]: resource } }, code: withCode, name };
}

/** Removes a resource (or raw resource). References to it stay and are reported, so nothing is silently rewritten. */
export function removeResource(definition: StackDefinition, name: string): StackDefinition {
  if (Object.hasOwn(definition.resources, name)) {
    const resources = { ...definition.resources };
    delete resources[name];
    return { ...definition, resources };
  }
  const rest = { ...definition.cloudformationResources };
  delete rest[name];
  const out: StackDefinition = { ...definition, cloudformationResources: rest };
  if (Object.keys(rest).length === 0) delete out.cloudformationResources;
  return out;
}
