import { attributeIsList } from "@/server/validate/spec-db";
import {
  PSEUDO_PARAMETERS,
  isPlainObject,
  rewriteReferences,
  type ReferenceReplacement,
} from "@/server/validate/template-refs";
import { dependsOnList } from "@/server/validate/template-graph";

// Builds the parent and nested templates once every resource has a place. A reference that crosses
// stacks is rewired: a nested stack receives what it needs from outside as a Parameter, whose value
// the parent supplies (its own resources directly, other nested stacks through their Outputs); the
// parent reads nested resources through `Fn::GetAtt <Stack>.Outputs.<Name>`.

type Template = Record<string, unknown>;
type Reference = { target: string; attribute?: string };

/** Pseudo parameters that would change meaning inside a nested stack; the parent passes its own. */
const PARENT_CONTEXT_PSEUDO = new Map([
  ["AWS::StackName", "ParentStackName"],
  ["AWS::StackId", "ParentStackId"],
  ["AWS::NotificationARNs", "ParentNotificationARNs"],
]);

function isListParameterType(type: unknown): boolean {
  return typeof type === "string" && /(^|<)(List<|CommaDelimitedList)/.test(type);
}

function alphanumeric(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, "");
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

interface Passed {
  name: string;
  /** The nested template's declaration of the parameter. */
  definition: { Type: "String" | "CommaDelimitedList"; NoEcho?: unknown };
  /** What the parent puts in the nested stack's Parameters: always a string. */
  value: unknown;
}

interface Exported {
  name: string;
  isList: boolean;
}

class NestedStackBuilder {
  readonly resources: Template = {};
  readonly parameters = new Map<string, Passed>();
  readonly outputs = new Map<string, Exported>();
  /** Parent resources and other nested stacks this stack must wait for (from DependsOn). */
  readonly dependsOn = new Set<string>();
  /** Names in the template's Ref namespace (resources and parameters), to keep new ones unique. */
  readonly names: Set<string>;
  readonly outputNames = new Set<string>();

  constructor(
    readonly id: string,
    readonly resourceIds: readonly string[],
  ) {
    this.names = new Set(resourceIds);
  }
}

export interface AssembleInput {
  template: Template;
  /** Resource id -> logical id of its nested stack; absent for resources that stay in the parent. */
  location: ReadonlyMap<string, string>;
  stackIds: readonly string[];
  serialize: (template: Template) => string;
  /** S3 key of a nested template, from its stack id and serialized body. */
  templateKey: (stackId: string, body: string) => string;
  templateUrl: (key: string) => string;
}

export interface Assembled {
  parent: Template;
  nested: Record<string, Template>;
  /** The exact serialized body of each nested template, as hashed into its TemplateURL. */
  bodies: Record<string, string>;
  keys: Record<string, string>;
}

export function assembleNestedStacks(input: AssembleInput): Assembled {
  const { template, location } = input;
  const resources = template.Resources as Template;
  const parameters = isPlainObject(template.Parameters) ? template.Parameters : {};
  const typeOf = (id: string) => String((resources[id] as Template).Type);

  const idsByStack = new Map<string, string[]>(input.stackIds.map((stackId) => [stackId, []]));
  for (const id of Object.keys(resources)) {
    const stackId = location.get(id);
    if (stackId !== undefined) idsByStack.get(stackId)!.push(id);
  }
  const builders = new Map<string, NestedStackBuilder>();
  for (const [stackId, ids] of idsByStack) builders.set(stackId, new NestedStackBuilder(stackId, ids));

  function exportFrom(stackId: string, ref: Reference): Exported {
    const builder = builders.get(stackId)!;
    const key = ref.attribute === undefined ? ref.target : `${ref.target}.${ref.attribute}`;
    let exported = builder.outputs.get(key);
    if (!exported) {
      const isList = ref.attribute !== undefined && attributeIsList(typeOf(ref.target), ref.attribute);
      const name = uniqueName(alphanumeric(`${ref.target}${ref.attribute ?? ""}`), builder.outputNames);
      exported = { name, isList };
      builder.outputs.set(key, exported);
    }
    return exported;
  }

  /** The parent-side value of something outside `stackId`, as a string (lists comma-joined). */
  function parentSideValue(ref: Reference): { value: unknown; isList: boolean } {
    const join = (value: unknown) => ({ "Fn::Join": [",", value] });
    if (PARENT_CONTEXT_PSEUDO.has(ref.target)) {
      const isList = ref.target === "AWS::NotificationARNs";
      return { value: isList ? join({ Ref: ref.target }) : { Ref: ref.target }, isList };
    }
    if (Object.hasOwn(parameters, ref.target)) {
      const isList = isListParameterType((parameters[ref.target] as Template | undefined)?.Type);
      return { value: isList ? join({ Ref: ref.target }) : { Ref: ref.target }, isList };
    }
    const elsewhere = location.get(ref.target);
    if (elsewhere !== undefined) {
      const exported = exportFrom(elsewhere, ref);
      return { value: { "Fn::GetAtt": [elsewhere, `Outputs.${exported.name}`] }, isList: exported.isList };
    }
    const value = ref.attribute === undefined ? { Ref: ref.target } : { "Fn::GetAtt": [ref.target, ref.attribute] };
    const isList = ref.attribute !== undefined && attributeIsList(typeOf(ref.target), ref.attribute);
    return { value: isList ? join(value) : value, isList };
  }

  function passInto(builder: NestedStackBuilder, ref: Reference): string {
    const key = ref.attribute === undefined ? ref.target : `${ref.target}.${ref.attribute}`;
    let passed = builder.parameters.get(key);
    if (!passed) {
      const base = PARENT_CONTEXT_PSEUDO.get(ref.target) ?? alphanumeric(`${ref.target}${ref.attribute ?? ""}`);
      const { value, isList } = parentSideValue(ref);
      const source = Object.hasOwn(parameters, ref.target) ? parameters[ref.target] : undefined;
      const definition: Passed["definition"] = { Type: isList ? "CommaDelimitedList" : "String" };
      if (isPlainObject(source) && source.NoEcho !== undefined) definition.NoEcho = source.NoEcho;
      passed = { name: uniqueName(base, builder.names), definition, value };
      builder.parameters.set(key, passed);
    }
    return passed.name;
  }

  /** How references inside `builder`'s stack change: everything from outside becomes a parameter. */
  function nestedReplacer(builder: NestedStackBuilder) {
    return (ref: Reference & { via: string }): ReferenceReplacement | undefined => {
      if (PSEUDO_PARAMETERS.has(ref.target) && !PARENT_CONTEXT_PSEUDO.has(ref.target)) return undefined;
      if (location.get(ref.target) === builder.id) return undefined;
      const known = PSEUDO_PARAMETERS.has(ref.target) || Object.hasOwn(parameters, ref.target) || Object.hasOwn(resources, ref.target);
      return known ? { target: passInto(builder, ref) } : undefined;
    };
  }

  function parentReplacer(ref: Reference & { via: string }): ReferenceReplacement | undefined {
    const stackId = location.get(ref.target);
    if (stackId === undefined) return undefined;
    const exported = exportFrom(stackId, ref);
    return { target: stackId, attribute: `Outputs.${exported.name}`, splitList: exported.isList && ref.via !== "Fn::Sub" };
  }

  /** `resource` with its DependsOn replaced, copied only when that changes it. */
  function withDependsOn(resource: Template, original: Template, deps: string[]): Template {
    if (deps.length === 0 && original.DependsOn === undefined) return resource;
    const copy = { ...resource };
    if (deps.length === 0) delete copy.DependsOn;
    else copy.DependsOn = typeof original.DependsOn === "string" ? deps[0] : deps;
    return copy;
  }

  const conditions = isPlainObject(template.Conditions) ? template.Conditions : {};
  const mappings = isPlainObject(template.Mappings) ? template.Mappings : {};

  for (const builder of builders.values()) {
    const replace = nestedReplacer(builder);
    for (const id of builder.resourceIds) {
      const original = resources[id] as Template;
      const kept: string[] = [];
      for (const dep of dependsOnList(original)) {
        const where = location.get(dep);
        if (where === builder.id) kept.push(dep);
        else builder.dependsOn.add(where ?? dep);
      }
      builder.resources[id] = withDependsOn(rewriteReferences(original, replace) as Template, original, kept);
    }
  }

  const parentResources: Template = {};
  for (const id of Object.keys(resources)) {
    if (location.has(id)) continue;
    const original = resources[id] as Template;
    const deps = [...new Set(dependsOnList(original).map((d) => location.get(d) ?? d))];
    parentResources[id] = withDependsOn(rewriteReferences(original, parentReplacer) as Template, original, deps);
  }
  const parentOutputs = isPlainObject(template.Outputs) ? rewriteReferences(template.Outputs, parentReplacer) : undefined;

  // Conditions and mappings the nested resources use are copied in; conditions may refer to
  // parameters, which are passed like any other outside value.
  const nested: Record<string, Template> = {};
  const bodies: Record<string, string> = {};
  const keys: Record<string, string> = {};
  for (const builder of builders.values()) {
    const usedConditions = Object.keys(conditions).length ? conditionsUsed(builder.resources, conditions) : [];
    const nestedConditions = Object.fromEntries(
      usedConditions.map((name) => [name, rewriteReferences(conditions[name], nestedReplacer(builder))]),
    );
    const usedMappings = Object.keys(mappings).length ? mappingsUsed(builder.resources, mappings) : [];
    const outputs = Object.fromEntries(
      [...builder.outputs].map(([key, exported]) => {
        const dot = key.indexOf(".");
        const value = dot < 0 ? { Ref: key } : { "Fn::GetAtt": [key.slice(0, dot), key.slice(dot + 1)] };
        return [exported.name, { Value: exported.isList ? { "Fn::Join": [",", value] } : value }];
      }),
    );
    const parameterDefinitions = Object.fromEntries([...builder.parameters.values()].map((p) => [p.name, p.definition]));
    const t: Template = { AWSTemplateFormatVersion: "2010-09-09" };
    if (builder.parameters.size) t.Parameters = parameterDefinitions;
    if (usedConditions.length) t.Conditions = nestedConditions;
    if (usedMappings.length) t.Mappings = Object.fromEntries(usedMappings.map((m) => [m, mappings[m]]));
    t.Resources = builder.resources;
    if (builder.outputs.size) t.Outputs = outputs;
    nested[builder.id] = t;
    bodies[builder.id] = input.serialize(t);
    keys[builder.id] = input.templateKey(builder.id, bodies[builder.id]);
  }

  for (const builder of builders.values()) {
    const stack: Template = { Type: "AWS::CloudFormation::Stack" };
    const waitFor = [...builder.dependsOn].sort();
    if (waitFor.length) stack.DependsOn = waitFor;
    const passed = Object.fromEntries([...builder.parameters.values()].map((p) => [p.name, p.value]));
    stack.Properties = {
      TemplateURL: input.templateUrl(keys[builder.id]),
      ...(builder.parameters.size ? { Parameters: passed } : {}),
    };
    parentResources[builder.id] = stack;
  }

  const parent: Template = {};
  for (const [key, value] of Object.entries(template)) {
    if (key === "Resources") parent.Resources = parentResources;
    else if (key === "Outputs") parent.Outputs = parentOutputs;
    else parent[key] = value;
  }
  return { parent, nested, bodies, keys };
}

function collectConditionNames(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectConditionNames(item, into);
    return;
  }
  if (!isPlainObject(value)) return;
  const ifArgs = value["Fn::If"];
  if (Array.isArray(ifArgs) && typeof ifArgs[0] === "string") into.add(ifArgs[0]);
  if (typeof value.Condition === "string" && Object.keys(value).length === 1) into.add(value.Condition);
  for (const child of Object.values(value)) collectConditionNames(child, into);
}

/** Conditions referenced by `resources`, with the conditions those refer to, in declaration order. */
function conditionsUsed(resources: Template, conditions: Template): string[] {
  const used = new Set<string>();
  collectConditionNames(resources, used);
  const queue = [...used];
  while (queue.length) {
    const found = new Set<string>();
    collectConditionNames(conditions[queue.pop()!], found);
    for (const name of found) {
      if (!used.has(name)) {
        used.add(name);
        queue.push(name);
      }
    }
  }
  return Object.keys(conditions).filter((name) => used.has(name));
}

/** Mappings named by `Fn::FindInMap` in `resources`; all of them when a name is computed. */
function mappingsUsed(resources: Template, mappings: Template): string[] {
  const used = new Set<string>();
  let computed = false;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isPlainObject(value)) return;
    const args = value["Fn::FindInMap"];
    if (Array.isArray(args)) {
      if (typeof args[0] === "string") used.add(args[0]);
      else computed = true;
    }
    Object.values(value).forEach(visit);
  };
  visit(resources);
  return Object.keys(mappings).filter((name) => computed || used.has(name));
}
