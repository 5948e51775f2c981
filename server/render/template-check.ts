// The project's CloudFormation checks of a rendered template (resource spec, references, cycles), run by
// renderStack on every template it renders: `render` (CLI, editor preview, REST, deploy, revision diff)
// and `validate` then refuse exactly the same stacks. Each problem is moved from its template path to
// the definition that produced it, so it is located at a YAML line like every other diagnostic.
import type { StackDefinition } from "@/lib/stack/schema";
import { checkTemplate, type TemplateCheck } from "@/server/validate/spec";
import type { CfTemplate } from "./cfn";
import type { DefinitionPath } from "./fragment";

/** Where in the definition a template path comes from: raw resources and overrides exactly, the rest by the resource that rendered it. */
export function definitionPathOf(definition: StackDefinition, templatePath: (string | number)[], sources: ReadonlyMap<string, DefinitionPath>): DefinitionPath {
  const [section, id, area, ...rest] = templatePath;
  if (section !== "Resources" || typeof id !== "string") return ["resources"];
  const raw = definition.cloudformationResources ?? {};
  if (Object.hasOwn(raw, id)) return ["cloudformationResources", id, ...(area === undefined ? [] : [area, ...rest])];
  const source = sources.get(id) ?? ["resources"];
  const [, name] = source;
  if (source[0] === "resources" && typeof name === "string" && area === "Properties" && typeof rest[0] === "string") {
    const overrides = definition.resources[name]?.overrides;
    const patch = overrides && Object.hasOwn(overrides, id) ? overrides[id] : undefined;
    if (patch && Object.hasOwn(patch, rest[0])) return ["resources", name, "overrides", id, ...rest];
  }
  return source;
}

export function checkRenderedTemplate(definition: StackDefinition, template: CfTemplate, sources: ReadonlyMap<string, DefinitionPath>): TemplateCheck {
  const { diagnostics, graph } = checkTemplate(template);
  return { diagnostics: diagnostics.map((d) => ({ ...d, path: definitionPathOf(definition, d.path, sources) })), graph };
}
