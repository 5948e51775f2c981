import type { Diagnostic } from "@/lib/stack/diagnostics";
import {
  allResourceTypes,
  hasAttribute,
  isCustomResourceType,
  propertyTypeSpec,
  resourceSpec,
  type ObjectSpec,
  type SpecType,
} from "./spec-db";
import { didYouMean } from "./suggest";
import { dependsOnList, findCycles, graphOf, type ResourceGraph } from "./template-graph";
import {
  INTRINSIC_FUNCTIONS,
  PSEUDO_PARAMETERS,
  forEachReference,
  intrinsicName,
  isPlainObject,
  type TemplatePath,
  type TemplateReference,
} from "./template-refs";

// Checks a rendered CloudFormation template against the resource spec: resource types, required
// and known properties (nested property types included), value shapes, Fn::GetAtt attributes, and
// that every Ref / GetAtt / Sub / DependsOn / Condition names something that exists, without cycles.
// Every diagnostic has code "spec" and a path inside the template.

const TEMPLATE_SECTIONS = [
  "AWSTemplateFormatVersion",
  "Description",
  "Metadata",
  "Parameters",
  "Rules",
  "Mappings",
  "Conditions",
  "Transform",
  "Resources",
  "Outputs",
];
const RESOURCE_KEYS = [
  "Type",
  "Properties",
  "DependsOn",
  "Condition",
  "Metadata",
  "DeletionPolicy",
  "UpdateReplacePolicy",
  "CreationPolicy",
  "UpdatePolicy",
];
const OUTPUT_KEYS = ["Description", "Value", "Export", "Condition"];

interface Context {
  diagnostics: Diagnostic[];
  /** Logical id -> resource type ("" when the type is missing). */
  resources: Map<string, string>;
  parameters: Set<string>;
  conditions: Set<string>;
  mappings: Set<string>;
  /** Resources referring to themselves, found by the walk over each resource and reported with the cycles. */
  selfReferences: Diagnostic[];
  /** Logical id -> what it names (DependsOn, reference targets), gathered by the same walk, for the cycle check. */
  targets: Map<string, string[]>;
}

function error(path: TemplatePath, message: string): Diagnostic {
  return { severity: "error", code: "spec", message, path };
}

function warning(path: TemplatePath, message: string): Diagnostic {
  return { severity: "warning", code: "spec", message, path };
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** "Environment.Variables", "Layers[0]": a property path as people write it. */
function propertyLabel(segments: TemplatePath): string {
  return segments.reduce<string>((label, s) => {
    if (typeof s === "number") return `${label}[${s}]`;
    return label ? `${label}.${s}` : s;
  }, "");
}

/** Who a template path belongs to, for messages: "AWS::Lambda::Function 'ApiFn' property 'Role'". */
function subject(ctx: Context, path: TemplatePath): string {
  const [section, id, area, ...rest] = path;
  if (section === "Resources" && typeof id === "string") {
    const owner = `${ctx.resources.get(id) || "Resource"} '${id}'`;
    if (area === "Properties" && rest.length) return `${owner} property '${propertyLabel(rest)}'`;
    return area === undefined ? owner : `${owner} ${propertyLabel([area, ...rest])}`;
  }
  if (section === "Outputs" && typeof id === "string") return `Output '${id}'`;
  if (section === "Conditions" && typeof id === "string") return `Condition '${id}'`;
  return propertyLabel(path) || "The template";
}

function objectSection(ctx: Context, template: Record<string, unknown>, name: string): Record<string, unknown> {
  const section = template[name];
  if (section === undefined) return {};
  if (!isPlainObject(section)) {
    ctx.diagnostics.push(error([name], `'${name}' must be an object, not ${kindOf(section)}`));
    return {};
  }
  return section;
}

export interface TemplateCheck {
  diagnostics: Diagnostic[];
  /** The dependency graph of the template's resources, as resourceGraph builds it, from the references the check walked anyway. */
  graph: ResourceGraph;
}

export function validateTemplateAgainstSpec(template: unknown): Diagnostic[] {
  return checkTemplate(template).diagnostics;
}

/** validateTemplateAgainstSpec, with the graph it built: the nested-stack split needs the same one. */
export function checkTemplate(template: unknown): TemplateCheck {
  if (!isPlainObject(template)) return { diagnostics: [error([], `The template must be a JSON object, not ${kindOf(template)}`)], graph: graphOf({}, new Map()) };
  const ctx: Context = {
    diagnostics: [],
    resources: new Map(),
    parameters: new Set(),
    conditions: new Set(),
    mappings: new Set(),
    selfReferences: [],
    targets: new Map(),
  };
  for (const key of Object.keys(template)) {
    if (!TEMPLATE_SECTIONS.includes(key)) {
      ctx.diagnostics.push(error([key], `Unknown template section '${key}'${didYouMean(key, TEMPLATE_SECTIONS)}`));
    }
  }
  const resources = objectSection(ctx, template, "Resources");
  const parameters = objectSection(ctx, template, "Parameters");
  const conditions = objectSection(ctx, template, "Conditions");
  const outputs = objectSection(ctx, template, "Outputs");
  for (const name of Object.keys(parameters)) ctx.parameters.add(name);
  for (const name of Object.keys(conditions)) ctx.conditions.add(name);
  for (const name of Object.keys(objectSection(ctx, template, "Mappings"))) ctx.mappings.add(name);
  for (const [id, resource] of Object.entries(resources)) {
    const type = isPlainObject(resource) && typeof resource.Type === "string" ? resource.Type : "";
    ctx.resources.set(id, type);
  }

  if (Object.keys(resources).length === 0) {
    ctx.diagnostics.push(error(["Resources"], "The template must declare at least one resource in 'Resources'"));
  }
  for (const [name, parameter] of Object.entries(parameters)) checkParameter(ctx, name, parameter);
  for (const [id, resource] of Object.entries(resources)) checkResource(ctx, id, resource);
  for (const [name, output] of Object.entries(outputs)) checkOutput(ctx, name, output);
  for (const [name, condition] of Object.entries(conditions)) checkConditionDefinition(ctx, name, condition);
  const graph = checkCycles(ctx, resources);
  return { diagnostics: ctx.diagnostics, graph };
}

function checkParameter(ctx: Context, name: string, parameter: unknown): void {
  if (!isPlainObject(parameter) || typeof parameter.Type !== "string") {
    ctx.diagnostics.push(error(["Parameters", name], `Parameter '${name}' must be an object with a string 'Type'`));
  }
}

function checkResource(ctx: Context, id: string, resource: unknown): void {
  const path = ["Resources", id];
  const targets = dependsOnList(resource);
  ctx.targets.set(id, targets);
  const selfReference = (ref: TemplateReference) => {
    targets.push(ref.target);
    if (ref.target === id) ctx.selfReferences.push(error(ref.path, `${subject(ctx, ref.path)}: ${ref.via} refers to '${id}' itself`));
  };
  if (!isPlainObject(resource)) {
    ctx.diagnostics.push(error(path, `Resource '${id}' must be an object with a 'Type', not ${kindOf(resource)}`));
    forEachReference(resource, path, selfReference);
    return;
  }
  const type = ctx.resources.get(id) ?? "";
  if (!type) ctx.diagnostics.push(error(path, `Resource '${id}' has no 'Type'`));
  for (const key of Object.keys(resource)) {
    if (!RESOURCE_KEYS.includes(key)) {
      ctx.diagnostics.push(
        error([...path, key], `${subject(ctx, path)} has unknown attribute '${key}'${didYouMean(key, RESOURCE_KEYS)}`),
      );
    }
  }
  checkDependsOn(ctx, id, resource.DependsOn);
  checkConditionName(ctx, [...path, "Condition"], resource.Condition);
  checkReferencesIn(ctx, resource, path, selfReference);
  if (type) checkProperties(ctx, id, type, resource.Properties);
}

function checkProperties(ctx: Context, id: string, type: string, properties: unknown): void {
  const path = ["Resources", id, "Properties"];
  const owner = `${type} '${id}'`;
  if (properties !== undefined && !isPlainObject(properties)) {
    ctx.diagnostics.push(error(path, `${owner} 'Properties' must be an object, not ${kindOf(properties)}`));
    return;
  }
  const values = properties ?? {};
  if (isCustomResourceType(type)) {
    if (!("ServiceToken" in values)) {
      ctx.diagnostics.push(error(path, `${owner} is missing required property 'ServiceToken'`));
    }
    return;
  }
  const spec = resourceSpec(type);
  if (!spec) {
    ctx.diagnostics.push(unknownTypeDiagnostic(id, type));
    return;
  }
  checkObject(ctx, values, spec, [...path], ctx.diagnostics);
}

function unknownTypeDiagnostic(id: string, type: string): Diagnostic {
  const path = ["Resources", id, "Type"];
  if (type.startsWith("AWS::") || type.startsWith("Alexa::")) {
    return error(path, `Resource '${id}' has unknown type '${type}'${didYouMean(type, allResourceTypes())}`);
  }
  return warning(
    path,
    `Resource '${id}' has type '${type}', which the CloudFormation resource spec does not know; ` +
      "it deploys only if that extension is registered in the target account",
  );
}

// The value checks below write into `out` and share one `path` array, extended and shrunk while
// walking: a rendered template has thousands of properties and almost never a problem, so a path is
// copied, and a message built, only for a diagnostic.

function checkObject(ctx: Context, value: Record<string, unknown>, spec: ObjectSpec, path: TemplatePath, out: Diagnostic[]): void {
  const depth = path.length;
  const label = () => propertyLabel(path.slice(3));
  for (const name of Object.keys(value)) {
    const property = spec.properties.get(name);
    path.push(name);
    if (property) checkValue(ctx, value[name], property.types, path, out);
    else {
      out.push(error([...path], `${subject(ctx, path.slice(0, 2))} has unknown property '${label()}'${didYouMean(name, spec.properties.keys())}`));
    }
    path.length = depth;
  }
  for (const [name, property] of spec.properties) {
    if (property.required && !(name in value)) {
      path.push(name);
      const missing = label();
      path.length = depth;
      out.push(error([...path], `${subject(ctx, path.slice(0, 2))} is missing required property '${missing}'`));
    }
  }
}

/** Checks `value` against any of `types`; passes if one fits, else reports the closest fit. */
function checkValue(ctx: Context, value: unknown, types: readonly SpecType[], path: TemplatePath, out: Diagnostic[]): void {
  if (types.length === 1) return checkType(ctx, value, types[0], path, out);
  let closest: Diagnostic[] | undefined;
  for (const type of types) {
    const found: Diagnostic[] = [];
    checkType(ctx, value, type, path, found);
    if (found.length === 0) return;
    if (!closest || found.length < closest.length) closest = found;
  }
  if (closest) out.push(...closest);
}

function shapeError(ctx: Context, value: unknown, expected: string, path: TemplatePath, out: Diagnostic[]): void {
  out.push(error([...path], `${subject(ctx, path)} must be ${expected}, not ${kindOf(value)}`));
}

function checkType(ctx: Context, value: unknown, type: SpecType, path: TemplatePath, out: Diagnostic[]): void {
  if (value === null) return shapeError(ctx, value, "a value", path, out);
  const fn = intrinsicName(value);
  if (fn) return checkIntrinsicValue(ctx, value as Record<string, unknown>, fn, type, path, out);
  const depth = path.length;
  switch (type.type) {
    case "json":
      return;
    case "string":
    case "number":
    case "integer":
    case "boolean":
    case "date-time":
    case "null":
      if (typeof value === "object") shapeError(ctx, value, `a ${type.type}`, path, out);
      return;
    case "tag":
      if (!isPlainObject(value)) return shapeError(ctx, value, "a tag object with Key and Value", path, out);
      return checkObject(ctx, value, TAG_SPEC, path, out);
    case "ref":
      if (!isPlainObject(value)) return shapeError(ctx, value, "an object", path, out);
      return checkObject(ctx, value, propertyTypeSpec(type.reference.$ref), path, out);
    case "array":
      if (!Array.isArray(value)) return shapeError(ctx, value, "a list", path, out);
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        checkType(ctx, value[i], type.element, path, out);
        path.length = depth;
      }
      return;
    case "map":
      if (!isPlainObject(value)) return shapeError(ctx, value, "an object", path, out);
      for (const key of Object.keys(value)) {
        path.push(key);
        checkType(ctx, value[key], type.element, path, out);
        path.length = depth;
      }
      return;
    case "union":
      return checkValue(ctx, value, type.types, path, out);
  }
}

const TAG_SPEC: ObjectSpec = {
  name: "Tag",
  properties: new Map([
    ["Key", { required: true, types: [{ type: "string" }] }],
    ["Value", { required: true, types: [{ type: "string" }] }],
  ]),
};

/** Intrinsics resolve at deploy time; only Fn::If has branches whose shape is known now. */
function checkIntrinsicValue(
  ctx: Context,
  value: Record<string, unknown>,
  fn: string,
  type: SpecType,
  path: TemplatePath,
  out: Diagnostic[],
): void {
  const args = value[fn];
  if (fn !== "Fn::If" || !Array.isArray(args) || args.length !== 3) return;
  const depth = path.length;
  for (const i of [1, 2]) {
    const branch = args[i];
    if (isPlainObject(branch) && branch.Ref === "AWS::NoValue") continue;
    path.push("Fn::If", i);
    checkType(ctx, branch, type, path, out);
    path.length = depth;
  }
}

function checkDependsOn(ctx: Context, id: string, dependsOn: unknown): void {
  if (dependsOn === undefined) return;
  const path = ["Resources", id, "DependsOn"];
  const targets = typeof dependsOn === "string" ? [dependsOn] : dependsOn;
  if (!Array.isArray(targets) || targets.some((t) => typeof t !== "string")) {
    ctx.diagnostics.push(error(path, `${subject(ctx, ["Resources", id])} DependsOn must be a name or a list of names`));
    return;
  }
  targets.forEach((target: string, i) => {
    const at = typeof dependsOn === "string" ? path : [...path, i];
    if (target === id) {
      ctx.diagnostics.push(error(at, `${subject(ctx, ["Resources", id])} DependsOn itself`));
    } else if (!ctx.resources.has(target)) {
      ctx.diagnostics.push(
        error(
          at,
          `${subject(ctx, ["Resources", id])} DependsOn '${target}', which is not a resource in this template` +
            didYouMean(target, ctx.resources.keys()),
        ),
      );
    }
  });
}

function checkConditionName(ctx: Context, path: TemplatePath, name: unknown): void {
  if (name === undefined) return;
  if (typeof name !== "string" || !ctx.conditions.has(name)) {
    ctx.diagnostics.push(
      error(path, `${subject(ctx, path)} uses condition ${JSON.stringify(name)}, which is not declared in 'Conditions'`),
    );
  }
}

function checkOutput(ctx: Context, name: string, output: unknown): void {
  const path = ["Outputs", name];
  if (!isPlainObject(output)) {
    ctx.diagnostics.push(error(path, `Output '${name}' must be an object with a 'Value'`));
    return;
  }
  if (!("Value" in output)) ctx.diagnostics.push(error(path, `Output '${name}' has no 'Value'`));
  for (const key of Object.keys(output)) {
    if (!OUTPUT_KEYS.includes(key)) {
      ctx.diagnostics.push(error([...path, key], `Output '${name}' has unknown key '${key}'${didYouMean(key, OUTPUT_KEYS)}`));
    }
  }
  checkConditionName(ctx, [...path, "Condition"], output.Condition);
  checkReferencesIn(ctx, output, path);
}

/** Conditions are evaluated before any resource exists, so they may only refer to parameters. */
function checkConditionDefinition(ctx: Context, name: string, condition: unknown): void {
  const path = ["Conditions", name];
  forEachReference(condition, path, (ref) => {
    if (ref.via === "Ref" && (ctx.parameters.has(ref.target) || PSEUDO_PARAMETERS.has(ref.target))) return;
    ctx.diagnostics.push(
      error(ref.path, `Condition '${name}' refers to '${ref.target}'; conditions may only refer to parameters`),
    );
  });
  checkIntrinsicNames(ctx, condition, path, true);
}

function checkReferencesIn(ctx: Context, value: unknown, path: TemplatePath, alsoVisit?: (ref: TemplateReference) => void): void {
  forEachReference(value, path, (ref) => {
    checkReference(ctx, ref);
    alsoVisit?.(ref);
  });
  checkIntrinsicNames(ctx, value, path, false);
}

function checkReference(ctx: Context, ref: TemplateReference): void {
  if (ref.attribute === undefined) {
    if (ctx.resources.has(ref.target) || ctx.parameters.has(ref.target) || PSEUDO_PARAMETERS.has(ref.target)) return;
    ctx.diagnostics.push(
      error(
        ref.path,
        `${subject(ctx, ref.path)}: ${ref.via} to '${ref.target}', which is not a resource, parameter or pseudo parameter` +
          didYouMean(ref.target, [...ctx.resources.keys(), ...ctx.parameters]),
      ),
    );
    return;
  }
  const targetType = ctx.resources.get(ref.target);
  if (targetType === undefined) {
    const what = ctx.parameters.has(ref.target) ? "a parameter" : "not a resource in this template";
    ctx.diagnostics.push(
      error(
        ref.path,
        `${subject(ctx, ref.path)}: ${ref.via} of '${ref.target}.${ref.attribute}', but '${ref.target}' is ${what}` +
          didYouMean(ref.target, ctx.resources.keys()),
      ),
    );
    return;
  }
  if (hasAttribute(targetType, ref.attribute) === false) {
    const known = [...(resourceSpec(targetType)?.attributes ?? [])];
    ctx.diagnostics.push(
      error(
        ref.path,
        `${subject(ctx, ref.path)}: ${ref.via} of '${ref.target}.${ref.attribute}', but ${targetType} has no attribute ` +
          `'${ref.attribute}'${didYouMean(ref.attribute, known)} (it has: ${known.join(", ") || "none"})`,
      ),
    );
  }
}

/** Unknown `Fn::` functions, and the condition / mapping names used by Fn::If, Condition, Fn::FindInMap. */
function checkIntrinsicNames(ctx: Context, value: unknown, path: TemplatePath, inConditions: boolean): void {
  // One path array, extended and shrunk while walking, copied only for the diagnostics.
  intrinsicNamesIn(ctx, value, [...path], inConditions);
}

function intrinsicNamesIn(ctx: Context, value: unknown, path: TemplatePath, inConditions: boolean): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      intrinsicNamesIn(ctx, value[i], path, inConditions);
      path.pop();
    }
    return;
  }
  if (!isPlainObject(value)) return;
  const keys = Object.keys(value);
  if (keys.length === 1) checkIntrinsic(ctx, value, keys[0], path, inConditions);
  for (const key of keys) {
    path.push(key);
    intrinsicNamesIn(ctx, value[key], path, inConditions);
    path.pop();
  }
}

/** The checks of checkIntrinsicNames on one single-key object `value` at `path` (the walk's own array: copied when kept). */
function checkIntrinsic(ctx: Context, value: Record<string, unknown>, only: string, path: TemplatePath, inConditions: boolean): void {
  if (only.startsWith("Fn::") && !INTRINSIC_FUNCTIONS.has(only)) {
    ctx.diagnostics.push(
      error([...path], `${subject(ctx, path)} uses unknown intrinsic function '${only}'${didYouMean(only, INTRINSIC_FUNCTIONS)}`),
    );
  }
  if (only === "Fn::If") {
    const args = value[only];
    if (!Array.isArray(args) || args.length !== 3) {
      ctx.diagnostics.push(error([...path], `${subject(ctx, path)}: Fn::If takes [condition, value if true, value if false]`));
    } else {
      checkConditionName(ctx, [...path, "Fn::If", 0], args[0]);
    }
  }
  if (only === "Condition" && inConditions) checkConditionName(ctx, [...path], value.Condition);
  if (only === "Fn::FindInMap") {
    const args = value[only];
    const map = Array.isArray(args) ? args[0] : undefined;
    if (typeof map === "string" && !ctx.mappings.has(map)) {
      ctx.diagnostics.push(error([...path], `${subject(ctx, path)}: Fn::FindInMap of '${map}', which is not declared in 'Mappings'`));
    }
  }
}

/** CloudFormation rejects templates whose resources depend on each other in a circle. */
function checkCycles(ctx: Context, resources: Record<string, unknown>): ResourceGraph {
  ctx.diagnostics.push(...ctx.selfReferences);
  const graph = graphOf(resources, ctx.targets);
  for (const cycle of findCycles(graph)) {
    ctx.diagnostics.push(error(["Resources", cycle[0]], `Circular dependency between resources: ${[...cycle, cycle[0]].join(" -> ")}`));
  }
  return graph;
}
