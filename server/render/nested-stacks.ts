import { createHash } from "node:crypto";
import { CLOUDFORMATION_LIMITS, measureTemplate, uploadedTemplateBody, type TemplateSize } from "@/server/validate/limits";
import { resourceGraph, type ResourceGraph } from "@/server/validate/template-graph";
import { isPlainObject } from "@/server/validate/template-refs";
import type { CfTemplate } from "./cfn";
import { assembleNestedStacks, type Assembled } from "./nested-stacks/assemble";
import { assignOwners, type Owner } from "./nested-stacks/ownership";
import { formUnits, placeUnits, type Units } from "./nested-stacks/placement";

// Splits a template that is past CloudFormation's per-template limits into a parent stack and
// nested stacks (AWS::CloudFormation::Stack), or refuses with the reason. Each function travels with
// what only it uses; shared and data-holding resources stay in the parent. Pure and deterministic:
// the same template and options give the same pieces, and each nested template's S3 key holds the
// hash of its content. A function's stack is chosen by a hash of its name, so it stays put as
// functions are added, until the number of stacks doubles (then about half of them move, which
// replaces their resources). The pieces share unchanged parts with the input: treat both as read-only.

export interface SplitLimits {
  resources: number;
  bytes: number;
  parameters: number;
  outputs: number;
}

export const DEFAULT_SPLIT_LIMITS: SplitLimits = {
  resources: CLOUDFORMATION_LIMITS.resources.value,
  bytes: CLOUDFORMATION_LIMITS.templateBodyBytesS3.value,
  parameters: CLOUDFORMATION_LIMITS.parameters.value,
  outputs: CLOUDFORMATION_LIMITS.outputs.value,
};

export interface NestedStackOptions {
  /** Bucket the nested templates are uploaded to (the artifacts bucket). */
  artifactsBucket: string;
  region: string;
  /** Prefix of the nested templates' S3 keys, e.g. "my-app/dev/templates/". */
  keyPrefix: string;
  /** CloudFormation's limits unless overridden (tests use small ones). */
  limits?: Partial<SplitLimits>;
  /**
   * How templates are serialized for upload; sizes and content hashes are taken on these bytes.
   * By default the parent as the CLI prints it and the deploy uploads it (2-space JSON), the nested
   * templates, which only CloudFormation reads, as compact JSON (half the bytes to write, hash and upload).
   */
  serialize?: (template: CfTemplate) => string;
  /** The graph of `template.Resources` when the caller has it (renderStack's check built it); built here otherwise. */
  graph?: ResourceGraph;
}

/** A nested template's uploaded body. */
export const nestedTemplateBody = (template: CfTemplate): string => JSON.stringify(template);

export interface NestedTemplateUpload {
  key: string;
  /** Upload exactly these bytes: the key's hash is computed over them. */
  body: string;
}

export type NestedStackSplit =
  | {
      ok: true;
      parent: CfTemplate;
      /** Nested templates by the logical id of their AWS::CloudFormation::Stack in the parent. */
      nested: Record<string, CfTemplate>;
      uploads: Record<string, NestedTemplateUpload>;
    }
  | { ok: false; reason: string; path: (string | number)[] };

/** Above this many stacks the parent is nearly all nested-stack resources; stop doubling there. */
const MAX_BUCKETS = 1024;

function refuse(reason: string, path: (string | number)[] = ["Resources"]): NestedStackSplit {
  return { ok: false, reason, path };
}

function exceeds(size: TemplateSize, limits: SplitLimits): string | undefined {
  if (size.resources > limits.resources) return `${size.resources} resources (at most ${limits.resources})`;
  if (size.bytes > limits.bytes) return `${size.bytes} bytes of template (at most ${limits.bytes})`;
  if (size.parameters > limits.parameters) return `${size.parameters} parameters (at most ${limits.parameters})`;
  if (size.outputs > limits.outputs) return `${size.outputs} outputs (at most ${limits.outputs})`;
  return undefined;
}

/** Whether the template is past the resource count or body size one stack allows. */
export function needsSplitting(
  template: CfTemplate,
  limits: Partial<SplitLimits> = {},
  serialize: (template: CfTemplate) => string = uploadedTemplateBody,
): boolean {
  const l = { ...DEFAULT_SPLIT_LIMITS, ...limits };
  if (Object.keys(template.Resources).length > l.resources) return true;
  return Buffer.byteLength(serialize(template), "utf8") > l.bytes;
}

function functionsIn(ids: readonly string[], owners: ReadonlyMap<string, Owner>): string[] {
  return ids.filter((id) => owners.get(id) === id);
}

function describeFunctions(functions: readonly string[]): string {
  const names = functions.map((f) => `'${f}'`);
  return names.length === 1 ? `Function ${names[0]}` : `Functions ${names.join(", ")}, which depend on each other,`;
}

function typeCounts(ids: readonly string[], resources: Record<string, unknown>): string {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const type = String((resources[id] as Record<string, unknown>).Type);
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([type, n]) => `${n} ${type}`)
    .join(", ");
}

function stackLogicalIds(indexes: readonly number[], taken: ReadonlySet<string>): Map<number, string> {
  const names = new Map<number, string>();
  const used = new Set(taken);
  for (const i of indexes) {
    let name = `NestedStack${i}`;
    while (used.has(name)) name = `${name}N`;
    used.add(name);
    names.set(i, name);
  }
  return names;
}

export function splitIntoNestedStacks(template: CfTemplate, options: NestedStackOptions): NestedStackSplit {
  const limits = { ...DEFAULT_SPLIT_LIMITS, ...options.limits };
  const serialize = options.serialize ?? uploadedTemplateBody;
  const t = template as unknown as Record<string, unknown>;
  if (!needsSplitting(template, limits, serialize)) return { ok: true, parent: template, nested: {}, uploads: {} };

  const resources = isPlainObject(t.Resources) ? t.Resources : {};
  if (t.Transform !== undefined) {
    return refuse("The template uses a Transform; templates with macros cannot be split into nested stacks", ["Transform"]);
  }
  const conditional = Object.keys(resources).find((id) => isPlainObject(resources[id]) && "Condition" in resources[id]);
  if (conditional) {
    return refuse(
      `Resource '${conditional}' is conditional; templates with conditional resources cannot be split into nested stacks`,
      ["Resources", conditional, "Condition"],
    );
  }
  const outputCount = isPlainObject(t.Outputs) ? Object.keys(t.Outputs).length : 0;
  if (outputCount > limits.outputs) {
    return refuse(
      `The stack declares ${outputCount} outputs; a stack may have at most ${limits.outputs}, and nested stacks do not change that`,
      ["Outputs"],
    );
  }

  const graph = options.graph ?? resourceGraph(resources);
  const owners = assignOwners(resources, graph);
  const { units, parent } = formUnits(graph, owners);

  for (const [unit, ids] of units) {
    if (ids.length > limits.resources) {
      return refuse(
        `${describeFunctions(functionsIn(ids, owners))} needs ${ids.length} resources together with what only it uses, ` +
          `more than the ${limits.resources} one nested stack can hold`,
        ["Resources", unit],
      );
    }
  }
  if (parent.length + Math.min(units.size, 1) > limits.resources) {
    return refuse(
      `${parent.length} resources must stay in the parent stack because they are shared or hold data ` +
        `(${typeCounts(parent, resources)}, ...), more than the ${limits.resources} one stack can hold`,
    );
  }

  const nestedCount = graph.ids.length - parent.length;
  let buckets = 1;
  while (buckets < MAX_BUCKETS && buckets * (limits.resources / 2) < nestedCount) buckets *= 2;
  for (; buckets <= MAX_BUCKETS; buckets *= 2) {
    const attempt = tryPlacement(t, units, owners, graph, parent, buckets, limits, { ...options, serialize, serializeNested: options.serialize ?? nestedTemplateBody });
    if (attempt.kind !== "more-stacks") return attempt.result;
  }
  return refuse(`The functions cannot be spread over ${MAX_BUCKETS} nested stacks within the limits of each stack`);
}

type Attempt = { kind: "done" | "refused"; result: NestedStackSplit } | { kind: "more-stacks" };

function tryPlacement(
  template: Record<string, unknown>,
  units: Units,
  owners: ReadonlyMap<string, Owner>,
  graph: ResourceGraph,
  parent: readonly string[],
  buckets: number,
  limits: SplitLimits,
  options: NestedStackOptions & { serialize: (template: CfTemplate) => string; serializeNested: (template: CfTemplate) => string },
): Attempt {
  const resources = template.Resources as Record<string, unknown>;
  const placement = placeUnits(units, graph, buckets);
  if (!placement) {
    return {
      kind: "refused",
      result: refuse("The function groups depend on each other through the parent stack in a circle that nesting cannot break"),
    };
  }
  const indexes = [...new Set(placement.values())].sort((a, b) => a - b);
  const stackIds = stackLogicalIds(indexes, new Set(graph.ids));
  const location = new Map<string, string>();
  const unitsByStack = new Map<string, string[]>();
  for (const [unit, index] of placement) {
    const stackId = stackIds.get(index)!;
    for (const id of units.get(unit)!) location.set(id, stackId);
    unitsByStack.set(stackId, [...(unitsByStack.get(stackId) ?? []), unit]);
  }
  if (parent.length + stackIds.size > limits.resources) {
    return {
      kind: "refused",
      result: refuse(
        `${parent.length} shared resources plus ${stackIds.size} nested stacks exceed the ${limits.resources} resources the parent stack can hold`,
      ),
    };
  }

  const assembled: Assembled = assembleNestedStacks({
    template,
    location,
    stackIds: [...stackIds.values()],
    serialize: (nested) => options.serializeNested(nested as unknown as CfTemplate),
    templateKey: (stackId, body) => templateKey(options, stackId, body),
    templateUrl: (key) => `https://${options.artifactsBucket}.s3.${options.region}.amazonaws.com/${key}`,
  });
  for (const [stackId, nested] of Object.entries(assembled.nested)) {
    const problem = exceeds(measureTemplate(nested, assembled.bodies[stackId]), limits);
    if (!problem) continue;
    const stackUnits = unitsByStack.get(stackId)!;
    if (stackUnits.length > 1) return { kind: "more-stacks" };
    const unit = stackUnits[0];
    return {
      kind: "refused",
      result: refuse(
        `${describeFunctions(functionsIn(units.get(unit)!, owners))} needs a nested stack with ${problem}, ` +
          "and a function cannot be split across stacks",
        ["Resources", unit],
      ),
    };
  }
  const parentProblem = exceeds(
    measureTemplate(assembled.parent, options.serialize(assembled.parent as unknown as CfTemplate)),
    limits,
  );
  if (parentProblem) {
    return {
      kind: "refused",
      result: refuse(
        `After moving the functions into nested stacks the parent stack still has ${parentProblem}; ` +
          `it keeps the shared and data-holding resources (${typeCounts(parent, resources)}, ...)`,
      ),
    };
  }
  const uploads = Object.fromEntries(
    Object.entries(assembled.bodies).map(([stackId, body]) => [stackId, { key: assembled.keys[stackId], body }]),
  );
  return {
    kind: "done",
    result: {
      ok: true,
      parent: assembled.parent as unknown as CfTemplate,
      nested: assembled.nested as unknown as Record<string, CfTemplate>,
      uploads,
    },
  };
}

function templateKey(options: NestedStackOptions, stackId: string, body: string): string {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 20);
  return `${options.keyPrefix}${stackId}-${hash}.json`;
}
