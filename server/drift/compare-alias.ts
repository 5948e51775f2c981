// One AWS::Lambda::Alias as rendered against ListAliases: that it still exists, and its extra
// version weights (the version it points at is a GetAtt of a published version: not compared). Pure.
import type { AliasConfiguration } from "@aws-sdk/client-lambda";
import type { CfValue } from "@/server/render/cfn";
import { resolveValue, type ResolveScope } from "./resolve-value";
import { sameValue } from "./same-value";
import { RESOURCE_GONE, type DriftComparison } from "./types";

type Weights = Record<string, number>;

function renderedWeights(routing: CfValue | undefined, scope: ResolveScope): { known: true; value: Weights } | { known: false } {
  if (routing === undefined) return { known: true, value: {} };
  const r = resolveValue(routing, scope);
  if (!r.known) return r;
  const list = (r.value as { AdditionalVersionWeights?: { FunctionVersion: string; FunctionWeight: number }[] }).AdditionalVersionWeights ?? [];
  return { known: true, value: Object.fromEntries(list.map((w) => [String(w.FunctionVersion), Number(w.FunctionWeight)])) };
}

export function compareAlias(
  logicalId: string,
  properties: Readonly<Record<string, CfValue>>,
  live: AliasConfiguration | null,
  scope: ResolveScope,
): DriftComparison {
  const out: DriftComparison = { drifts: [], unknown: [] };
  if (!live) {
    out.drifts.push({ resource: logicalId, property: RESOURCE_GONE, deployed: properties.Name ?? logicalId, live: null });
    return out;
  }
  const weights = renderedWeights(properties.RoutingConfig, scope);
  const liveWeights = live.RoutingConfig?.AdditionalVersionWeights ?? {};
  if (!weights.known) out.unknown.push({ resource: logicalId, property: "RoutingConfig", reason: "CloudFormation resolves this value when it deploys" });
  else if (!sameValue(weights.value, liveWeights)) out.drifts.push({ resource: logicalId, property: "RoutingConfig", deployed: weights.value, live: liveWeights });
  return out;
}
