// `overrides`: per logical id, properties deep-merged into what the renderer emitted for that
// resource. Objects merge key by key, anything else replaces, and null removes the property.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { Overrides } from "@/lib/stack/schema";
import type { CfResource, CfValue } from "./cfn";
import type { RenderContext } from "./context";
import type { DefinitionPath } from "./fragment";

const isObject = (v: CfValue | undefined): v is { [key: string]: CfValue } =>
  v !== null && typeof v === "object" && !Array.isArray(v);

// Built through a Map and fromEntries so that a key "__proto__" stays an own key (assigning it would set
// the prototype instead), and reads use hasOwn so that it never reaches Object.prototype.
function deepMerge(base: CfValue | undefined, patch: CfValue): CfValue | undefined {
  if (patch === null) return undefined;
  if (!isObject(patch) || !isObject(base)) return patch;
  const out = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(patch)) {
    const merged = deepMerge(out.get(key), value);
    if (merged === undefined) out.delete(key);
    else out.set(key, merged);
  }
  return Object.fromEntries(out);
}

/**
 * Applies a resource's overrides to the merged template resources. Only logical ids this stack
 * resource produced (`ownedIds`) may be overridden; other keys are errors listing the valid ones.
 */
export function applyOverrides(
  ctx: RenderContext,
  resources: Record<string, CfResource>,
  ownedIds: readonly string[],
  overrides: Overrides,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): void {
  for (const [logicalId, patch] of Object.entries(overrides)) {
    const at = [...path, logicalId];
    if (!ownedIds.includes(logicalId) || !resources[logicalId]) {
      diagnostics.push({
        severity: "error",
        code: "reference",
        message: `overrides can only target resources this one renders: ${[...ownedIds].sort().join(", ")}`,
        path: at,
      });
      continue;
    }
    const resolved = ctx.resolveDeep(patch, at, diagnostics);
    const resource = resources[logicalId];
    const properties = deepMerge(resource.Properties ?? {}, resolved);
    resources[logicalId] = { ...resource, Properties: isObject(properties) ? properties : {} };
  }
}
