// cloudformationResources: raw CloudFormation copied under its own logical id, directives resolved.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { CloudformationResource } from "@/lib/stack/schema";
import type { CfResource, CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { fragment, type Fragment } from "../fragment";

export function renderCloudformationResource(ctx: RenderContext, logicalId: string, resource: CloudformationResource): Fragment {
  const path = ["cloudformationResources", logicalId];
  const diagnostics: Diagnostic[] = [];
  const out: CfResource = { Type: resource.Type };
  for (const key of ["DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "UpdatePolicy", "CreationPolicy"] as const) {
    if (resource[key] !== undefined) Object.assign(out, { [key]: resource[key] });
  }
  if (resource.Properties !== undefined) {
    out.Properties = ctx.resolveDeep(resource.Properties, [...path, "Properties"], diagnostics) as Record<string, CfValue>;
  }
  return fragment(path, { resources: { [logicalId]: out }, diagnostics });
}

/** DependsOn of raw resources may name any resource of the final template, and nothing else. */
export function checkDependsOn(ctx: RenderContext, resources: Record<string, CfResource>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [logicalId, resource] of Object.entries(ctx.cloudformationResources)) {
    if (resource.DependsOn === undefined) continue;
    const targets = typeof resource.DependsOn === "string" ? [resource.DependsOn] : resource.DependsOn;
    targets.forEach((target, i) => {
      if (Object.hasOwn(resources, target)) return;
      diagnostics.push({
        severity: "error",
        code: "reference",
        message: `DependsOn names '${target}', which is not a resource of this stack's template`,
        path: ["cloudformationResources", logicalId, "DependsOn", ...(typeof resource.DependsOn === "string" ? [] : [i])],
      });
    });
  }
  return diagnostics;
}
