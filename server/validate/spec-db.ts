import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeType, specText, type CompactProperty, type CompactResource, type CompactTypeDefinition, type SpecText, type SpecType } from "./cfn-spec-format";

// Read-only view of the CloudFormation resource spec: the generated cfn-spec.json (cfn-spec-format.ts),
// read once on first use; each type is parsed when first looked up and memoised.

export type { SpecType } from "./cfn-spec-format";

export interface SpecProperty {
  required: boolean;
  /** The current type first, then the types the property accepted before (CloudFormation still accepts them). */
  types: SpecType[];
}

export interface ObjectSpec {
  /** Resource type, or the property type's name for nested types. */
  name: string;
  properties: ReadonlyMap<string, SpecProperty>;
}

export interface ResourceSpec extends ObjectSpec {
  attributes: ReadonlySet<string>;
  /** Attributes whose `Fn::GetAtt` value is a list rather than a string. */
  listAttributes: ReadonlySet<string>;
  /** The spec marks the type as holding data that is lost when the resource is replaced. */
  stateful: boolean;
}

let spec: SpecText | undefined;
const resourceCache = new Map<string, ResourceSpec | null>();
const typeCache = new Map<string, ObjectSpec>();

/**
 * Next to this module when it runs from its source or from the CLI's bundle (which ships a copy
 * next to itself); Next's server bundles move modules, so they read it from the project's folder.
 */
function readSpecFile(): Buffer {
  try {
    return readFileSync(new URL("./cfn-spec.json", import.meta.url));
  } catch {
    return readFileSync(path.join(process.cwd(), "server", "validate", "cfn-spec.json"));
  }
}

function specFile(): SpecText {
  spec ??= specText(readSpecFile());
  return spec;
}

function toProperties(compact: Record<string, CompactProperty>): Map<string, SpecProperty> {
  const out = new Map<string, SpecProperty>();
  for (const [name, [required, ...types]] of Object.entries(compact)) out.set(name, { required: required === 1, types: types.map(decodeType) });
  return out;
}

/** The spec of a CloudFormation resource type, or undefined when the spec does not know it. */
export function resourceSpec(cloudFormationType: string): ResourceSpec | undefined {
  const cached = resourceCache.get(cloudFormationType);
  if (cached !== undefined) return cached ?? undefined;
  const text = specFile().resource(cloudFormationType);
  const found = text === undefined ? undefined : (JSON.parse(text) as CompactResource);
  const spec: ResourceSpec | null = found
    ? {
        name: cloudFormationType,
        properties: toProperties(found.p),
        attributes: new Set(found.a ?? []),
        listAttributes: new Set(found.l ?? []),
        stateful: found.s === 1,
      }
    : null;
  resourceCache.set(cloudFormationType, spec);
  return spec ?? undefined;
}

/** The spec of a nested property type, by the reference id found in a SpecType of kind "ref". */
export function propertyTypeSpec(ref: string): ObjectSpec {
  const cached = typeCache.get(ref);
  if (cached) return cached;
  const text = specFile().propertyType(ref);
  if (text === undefined) throw new Error(`the CloudFormation spec has no property type ${ref}`);
  const def = JSON.parse(text) as CompactTypeDefinition;
  const spec = { name: def.n, properties: toProperties(def.p) };
  typeCache.set(ref, spec);
  return spec;
}

/** Custom resources accept any properties and attributes; the spec has nothing to check them against. */
export function isCustomResourceType(type: string): boolean {
  return type.startsWith("Custom::") || type === "AWS::CloudFormation::CustomResource";
}

/**
 * Whether `Fn::GetAtt` of `attribute` is valid on a resource of `type`: an attribute the spec lists,
 * any attribute of a custom resource, or `Outputs.<name>` of a nested stack.
 * Undefined when the type itself is unknown.
 */
export function hasAttribute(type: string, attribute: string): boolean | undefined {
  if (isCustomResourceType(type)) return true;
  if (type === "AWS::CloudFormation::Stack" && /^Outputs\.[A-Za-z0-9]+$/.test(attribute)) return true;
  return resourceSpec(type)?.attributes.has(attribute);
}

let typeNames: string[] | undefined;

/** Every resource type the spec knows, sorted. */
export function allResourceTypes(): readonly string[] {
  typeNames ??= specFile().resourceTypes().sort();
  return typeNames;
}

/** Whether `Fn::GetAtt` of `attribute` returns a list (e.g. a load balancer's SecurityGroups). */
export function attributeIsList(type: string, attribute: string): boolean {
  return resourceSpec(type)?.listAttributes.has(attribute) === true;
}

/** Whether the spec marks the type as holding data that is lost when the resource is replaced. */
export function isStatefulType(type: string): boolean {
  return resourceSpec(type)?.stateful === true;
}
