// Renaming a resource: the new name is checked like the schema checks it, and every reference to the
// old name in the definition follows, so one edit (one undo step) keeps the stack valid. Pure.
import { derivedLogicalIdSuffix, pascal, ResourceNameSchema, type StackDefinition, type StackResourceType } from "@/lib/stack";
import { renameInCfnResource, renameInCfnValue, type LogicalIdMap } from "./rename-cfn";

const LOGICAL_ID = /^[A-Za-z0-9]+$/;

/** Why `next` cannot be the new name of `current`, or undefined when it can. */
export function renameProblem(definition: StackDefinition, current: string, next: string): string | undefined {
  if (next === current) return undefined;
  const raw = !Object.hasOwn(definition.resources, current);
  if (next === "") return "a name is required";
  if (raw) {
    if (!LOGICAL_ID.test(next)) return "a CloudFormation logical id contains only letters and digits";
  } else {
    const parsed = ResourceNameSchema.safeParse(next);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? "not a valid resource name";
  }
  const taken = Object.hasOwn(definition.resources, next) || (definition.cloudformationResources !== undefined && Object.hasOwn(definition.cloudformationResources, next));
  return taken ? `'${next}' is already the name of another resource in this stack` : undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every string below `value`, with directive arguments naming `from` rewritten to `to`. */
function renameInDirectives(value: unknown, directive: "ResourceParam" | "CfResourceParam", from: string, to: string): unknown {
  const pattern = new RegExp(`(\\$${directive}\\(\\s*)(['"])${escape(from)}\\2`, "g");
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.includes(from) ? v.replace(pattern, (_m, head: string, quote: string) => `${head}${quote}${to}${quote}`) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

const swap = (v: unknown, from: string, to: string) => (v === from ? to : v);

/** The fields of one resource that name another resource directly (not through a directive). */
function renameDirectRefs(resource: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const props = resource.properties as Record<string, unknown> | undefined;
  if (!props) return resource;
  const out: Record<string, unknown> = { ...props };
  if (Array.isArray(props.connectTo)) out.connectTo = props.connectTo.map((x) => swap(x, from, to));
  const access = props.accessControl as { allowAccessTo?: unknown[] } | undefined;
  if (access && Array.isArray(access.allowAccessTo)) out.accessControl = { ...access, allowAccessTo: access.allowAccessTo.map((x) => swap(x, from, to)) };
  if (Array.isArray(props.events)) {
    out.events = props.events.map((event: { type: string; properties?: Record<string, unknown> }) => {
      const p = event.properties;
      if (!p) return event;
      const q: Record<string, unknown> = { ...p };
      for (const key of ["httpApiGatewayName", "loadBalancerName", "eventBusName"]) if (key in p) q[key] = swap(p[key], from, to);
      const auth = p.authorizer as { type: string; properties: Record<string, unknown> } | undefined;
      if (auth?.properties) {
        const ap = { ...auth.properties };
        for (const key of ["userPoolName", "functionName"]) if (key in ap) ap[key] = swap(ap[key], from, to);
        q.authorizer = { ...auth, properties: ap };
      }
      return { ...event, properties: q };
    });
  }
  const cdn = props.cdn as { edgeFunctions?: Record<string, unknown> } | undefined;
  if (cdn?.edgeFunctions) out.cdn = { ...cdn, edgeFunctions: Object.fromEntries(Object.entries(cdn.edgeFunctions).map(([k, v]) => [k, swap(v, from, to)])) };
  return { ...resource, properties: out };
}

/** Keeps the order of a mapping's keys, with `from` replaced by `to`. */
function renameKey<T>(map: Record<string, T>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k === from ? to : k, v]));
}

/** The rendered logical ids of stack resource `from` (of `type`), moved to the ids `to` gets. */
function derivedIdMap(type: StackResourceType, from: string, to: string): LogicalIdMap {
  return (id) => {
    const suffix = derivedLogicalIdSuffix(type, from, id);
    return suffix === undefined ? undefined : `${pascal(to)}${suffix}`;
  };
}

/**
 * Raw CloudFormation follows the rename through `map`: every cloudformationResources entry, and every
 * resource's `overrides` (keyed by logical id, with CloudFormation values); `renamed` is the stack
 * resource whose override keys are its own rendered ids.
 */
function renameInRawCloudformation(definition: StackDefinition, map: LogicalIdMap, renamed?: string): StackDefinition {
  const resources = Object.fromEntries(
    Object.entries(definition.resources).map(([name, r]) => {
      if (!r.overrides) return [name, r];
      const overrides = Object.fromEntries(
        Object.entries(r.overrides).map(([id, patch]) => [name === renamed ? (map(id) ?? id) : id, renameInCfnValue(patch, map)]),
      );
      return [name, { ...r, overrides }];
    }),
  ) as StackDefinition["resources"];
  const raw = definition.cloudformationResources;
  const cloudformationResources = raw && Object.fromEntries(Object.entries(raw).map(([id, r]) => [id, renameInCfnResource(r, map)]));
  return { ...definition, resources, ...(cloudformationResources ? { cloudformationResources } : {}) };
}

/**
 * The definition with resource (or raw CloudFormation resource) `from` named `to` and every reference
 * following: triggers' httpApiGatewayName, loadBalancerName and eventBusName, authorizers' userPoolName
 * and functionName, allowAccessTo, connectTo, CDN edge functions, $ResourceParam / $CfResourceParam
 * arguments (destinations, ARNs, environment, raw CloudFormation strings), and in raw CloudFormation
 * and overrides the Ref / Fn::GetAtt / Fn::Sub / DependsOn references to the raw resource, or to the
 * logical ids the renderer derives from the stack resource's name. Call renameProblem first; this
 * does not check `to`.
 */
export function renameResource(definition: StackDefinition, from: string, to: string): StackDefinition {
  if (from === to) return definition;
  if (Object.hasOwn(definition.resources, from)) {
    const resources = Object.fromEntries(
      Object.entries(renameKey(definition.resources, from, to)).map(([k, r]) => [k, renameDirectRefs(r as unknown as Record<string, unknown>, from, to)]),
    );
    const moved = renameInRawCloudformation({ ...definition, resources } as StackDefinition, derivedIdMap(definition.resources[from].type, from, to), to);
    return renameInDirectives(moved, "ResourceParam", from, to) as StackDefinition;
  }
  if (definition.cloudformationResources && Object.hasOwn(definition.cloudformationResources, from)) {
    const renamed = { ...definition, cloudformationResources: renameKey(definition.cloudformationResources, from, to) };
    const moved = renameInRawCloudformation(renamed, (id) => (id === from ? to : undefined));
    return renameInDirectives(moved, "CfResourceParam", from, to) as StackDefinition;
  }
  return definition;
}
