// The rendered template's Lambda resources against the live state the reader fetched: functions,
// their event source mappings, aliases and the permissions in their resource policies. Pure.
import type { CfResource, CfTemplate } from "@/server/render/cfn";
import type { AliasConfiguration, EventSourceMappingConfiguration } from "@aws-sdk/client-lambda";
import { compareAlias } from "./compare-alias";
import { compareEventSourceMapping } from "./compare-event-source-mapping";
import { compareFunction, type LiveFunction } from "./compare-function";
import { comparePermissions, type PolicyStatement } from "./compare-permissions";
import type { ResolveScope } from "./resolve-value";
import type { DriftComparison } from "./types";

/** Live state by logical id; null where the resource no longer exists. A missing key: not read (no physical id). */
export interface LiveState {
  functions: Record<string, LiveFunction | null>;
  mappings: Record<string, EventSourceMappingConfiguration | null>;
  aliases: Record<string, AliasConfiguration | null>;
  /** By the function or alias a permission points at: its policy's statements (empty without a policy); null when it is gone. */
  policies: Record<string, PolicyStatement[] | null>;
}

export const COMPARED_TYPES = {
  function: "AWS::Lambda::Function",
  mapping: "AWS::Lambda::EventSourceMapping",
  alias: "AWS::Lambda::Alias",
  permission: "AWS::Lambda::Permission",
} as const;

export function resourcesOfType(template: CfTemplate, type: string): [string, CfResource][] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === type)
    .sort(([a], [b]) => a.localeCompare(b));
}

/** The logical id a function-scoped resource points at through `FunctionName: { Ref }`, if it does. */
export function functionOf(resource: CfResource): string | undefined {
  const name = resource.Properties?.FunctionName;
  return name && typeof name === "object" && !Array.isArray(name) && typeof name.Ref === "string" ? name.Ref : undefined;
}

/** The function or alias a permission grants on: `FunctionName` as `{ Ref }` or `{ Fn::GetAtt: [id, "Arn"] }`. */
export function permissionTargetOf(resource: CfResource): string | undefined {
  const name = resource.Properties?.FunctionName;
  if (!name || typeof name !== "object" || Array.isArray(name)) return undefined;
  if (typeof name.Ref === "string") return name.Ref;
  const getAtt = name["Fn::GetAtt"];
  return Array.isArray(getAtt) && typeof getAtt[0] === "string" && getAtt[1] === "Arn" ? getAtt[0] : undefined;
}

/** Permission resources by the function or alias they grant on. */
export function permissionsByTarget(template: CfTemplate): Map<string, [string, CfResource][]> {
  const out = new Map<string, [string, CfResource][]>();
  for (const [id, r] of resourcesOfType(template, COMPARED_TYPES.permission)) {
    const target = permissionTargetOf(r);
    if (target) out.set(target, [...(out.get(target) ?? []), [id, r]]);
  }
  return out;
}

export function compareTemplate(
  template: CfTemplate,
  live: LiveState,
  scope: ResolveScope,
  codeSha256ByLogicalId: Readonly<Record<string, string>>,
): DriftComparison {
  const out: DriftComparison = { drifts: [], unknown: [] };
  const add = (c: DriftComparison) => {
    out.drifts.push(...c.drifts);
    out.unknown.push(...c.unknown);
  };
  const notRead = (resource: string) => out.unknown.push({ resource, property: "(resource)", reason: "the stack does not list it" });
  const gone = new Set<string>();
  for (const [id, r] of resourcesOfType(template, COMPARED_TYPES.function)) {
    if (!Object.hasOwn(live.functions, id)) {
      notRead(id);
      continue;
    }
    if (live.functions[id] === null) gone.add(id);
    const codeSha256Hex = Object.hasOwn(codeSha256ByLogicalId, id) ? codeSha256ByLogicalId[id] : null;
    add(compareFunction({ logicalId: id, properties: r.Properties ?? {}, codeSha256Hex }, live.functions[id], scope));
  }
  for (const [id, r] of resourcesOfType(template, COMPARED_TYPES.mapping)) {
    if (Object.hasOwn(live.mappings, id)) add(compareEventSourceMapping(id, r.Properties ?? {}, live.mappings[id], scope));
    else notRead(id);
  }
  for (const [id, r] of resourcesOfType(template, COMPARED_TYPES.alias)) {
    // A deleted function took its aliases with it: its own drift says so.
    const fn = functionOf(r);
    if (fn && gone.has(fn)) continue;
    if (Object.hasOwn(live.aliases, id)) add(compareAlias(id, r.Properties ?? {}, live.aliases[id], scope));
    else notRead(id);
  }
  for (const [target, permissions] of permissionsByTarget(template)) {
    // A function or alias deleted outside took its policy with it: its own drift says so.
    if (!Object.hasOwn(live.policies, target) || live.policies[target] === null) continue;
    add(comparePermissions(target, permissions.map(([id, r]) => [id, r.Properties ?? {}]), live.policies[target], scope));
  }
  return out;
}
