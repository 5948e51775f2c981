// One AWS::Lambda::EventSourceMapping as rendered against the mapping as it runs (GetEventSourceMapping
// by the physical id CloudFormation recorded). Pure.
import type { EventSourceMappingConfiguration } from "@aws-sdk/client-lambda";
import type { CfValue } from "@/server/render/cfn";
import { resolveValue, type ResolveScope } from "./resolve-value";
import { sameValue } from "./same-value";
import { RESOURCE_GONE, type DriftComparison } from "./types";

/** Lambda's states that still deliver events (or are about to). */
const ENABLED_STATES = new Set(["Enabled", "Enabling", "Creating", "Updating"]);

export function compareEventSourceMapping(
  logicalId: string,
  properties: Readonly<Record<string, CfValue>>,
  live: EventSourceMappingConfiguration | null,
  scope: ResolveScope,
): DriftComparison {
  const out: DriftComparison = { drifts: [], unknown: [] };
  if (!live) {
    out.drifts.push({ resource: logicalId, property: RESOURCE_GONE, deployed: scope.physicalIds[logicalId] ?? logicalId, live: null });
    return out;
  }
  const pairs: [string, CfValue | undefined, unknown, unknown][] = [
    // BatchSize's default depends on the source: the renderer always writes it, so absent means not compared.
    ["BatchSize", properties.BatchSize, undefined, live.BatchSize],
    ["MaximumBatchingWindowInSeconds", properties.MaximumBatchingWindowInSeconds, 0, live.MaximumBatchingWindowInSeconds ?? 0],
    ["Enabled", properties.Enabled, true, live.State === undefined ? undefined : ENABLED_STATES.has(live.State)],
  ];
  for (const [property, rendered, fallback, liveValue] of pairs) {
    if ((rendered === undefined && fallback === undefined) || liveValue === undefined) continue;
    const r = rendered === undefined ? { known: true as const, value: fallback } : resolveValue(rendered, scope);
    if (!r.known) out.unknown.push({ resource: logicalId, property, reason: "CloudFormation resolves this value when it deploys" });
    else if (!sameValue(r.value, liveValue)) out.drifts.push({ resource: logicalId, property, deployed: r.value, live: liveValue });
  }
  return out;
}
