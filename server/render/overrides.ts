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

// Properties other resources derive from: the renderer writes the function's name into ARNs (other
// functions' environment, access grants, destinations, triggers), the log group's name and its write
// permission, and the bucket's name into ARNs and policies. An override would change the property alone
// and leave every derived value pointing at the old name, so it is refused instead.
const DERIVED_NAME_PROPERTIES: Record<string, Record<string, string>> = {
  "AWS::Lambda::Function": {
    FunctionName: "function ARNs in other resources, the log group name and the function's permission to write to it",
    LoggingConfig: "the log group the role may write to",
  },
  "AWS::Logs::LogGroup": { LogGroupName: "the log group Lambda writes to and the role's permission to write to it" },
  "AWS::S3::Bucket": { BucketName: "the bucket's ARN in access grants, policies and triggers" },
};

function derivedNameOverrides(type: string | undefined, patch: CfValue, at: DefinitionPath): Diagnostic[] {
  const derived = (type && Object.hasOwn(DERIVED_NAME_PROPERTIES, type) && DERIVED_NAME_PROPERTIES[type]) || {};
  if (!isObject(patch)) return [];
  return Object.keys(patch)
    .filter((property) => Object.hasOwn(derived, property))
    .map((property) => ({
      severity: "error" as const,
      code: "unsupported",
      message: `${type} property '${property}' cannot be overridden: the renderer derives ${derived[property]} from it, and they would keep the old value; rename the resource in the stack instead`,
      path: [...at, property],
    }));
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
    const resource = resources[logicalId];
    const refused = derivedNameOverrides(resource.Type, patch, at);
    if (refused.length) {
      diagnostics.push(...refused);
      continue;
    }
    const resolved = ctx.resolveDeep(patch, at, diagnostics);
    const properties = deepMerge(resource.Properties ?? {}, resolved);
    resources[logicalId] = { ...resource, Properties: isObject(properties) ? properties : {} };
  }
}
