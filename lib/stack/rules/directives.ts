// Every directive in the definition must be well-formed and point at something that exists.
import { hasAttribute, isOpaqueResourceType } from "../cfn-attributes";
import { collectDirectives, REFERENCEABLE_PARAMS } from "../directives";
import { closest, type RuleContext } from "./context";

export function checkDirectives(ctx: RuleContext): void {
  const { definition } = ctx;
  const cfnResources = definition.cloudformationResources ?? {};
  for (const { path, result } of collectDirectives(definition)) {
    if (!result.ok) {
      ctx.report(path, "syntax", result.message);
      continue;
    }
    const d = result.directive;
    if (d.kind === "ResourceParam") {
      const resource = Object.hasOwn(definition.resources, d.resourceName) ? definition.resources[d.resourceName] : undefined;
      if (!resource) {
        const hint = closest(d.resourceName, Object.keys(definition.resources));
        ctx.report(path, "reference", `$ResourceParam: no resource named '${d.resourceName}'${hint ? ` (did you mean '${hint}'?)` : ""}`);
        continue;
      }
      const params = Object.keys(REFERENCEABLE_PARAMS[resource.type]);
      if (!params.includes(d.param)) {
        ctx.report(path, "reference", `$ResourceParam: a '${resource.type}' has no parameter '${d.param}'; available: ${params.join(", ")}`);
        continue;
      }
      if (resource.type === "dynamo-db-table" && d.param === "streamArn" && !resource.properties.streamType) {
        ctx.report(path, "reference", `$ResourceParam: table '${d.resourceName}' has no stream; set its streamType to read 'streamArn'`);
      }
      if (resource.type === "function" && d.param === "logGroupArn" && resource.properties.logging?.disabled) {
        ctx.report(path, "reference", `$ResourceParam: function '${d.resourceName}' has logging disabled, so it has no log group`);
      }
    } else if (d.kind === "CfResourceParam") {
      const cfn = Object.hasOwn(cfnResources, d.logicalId) ? cfnResources[d.logicalId] : undefined;
      if (!cfn) {
        const hint = closest(d.logicalId, Object.keys(cfnResources));
        ctx.report(path, "reference", `$CfResourceParam: no cloudformationResources entry '${d.logicalId}'${hint ? ` (did you mean '${hint}'?)` : ""}`);
        continue;
      }
      if (isOpaqueResourceType(cfn.Type)) continue;
      // Types missing from the spec are reported by the template validator; nothing to check against here.
      const attributes = ctx.cfnAttributes(cfn.Type);
      if (attributes && !hasAttribute(cfn.Type, attributes, d.attribute)) {
        const list = attributes.length ? `available: ${attributes.join(", ")}` : "it has no attributes";
        ctx.report(path, "reference", `$CfResourceParam: ${cfn.Type} '${d.logicalId}' has no attribute '${d.attribute}'; ${list}`);
      }
    }
  }
}
