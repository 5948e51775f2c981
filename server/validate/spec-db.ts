import { loadAwsServiceSpecSync } from "@aws-cdk/aws-service-spec";

// Read-only view of the CloudFormation resource spec shipped in @aws-cdk/aws-service-spec.
// Loading the database takes ~0.7 s, so it happens once, on first use, and lookups are memoised.

type SpecDatabase = ReturnType<typeof loadAwsServiceSpecSync>;

export type SpecType =
  | { type: "string" | "number" | "integer" | "boolean" | "date-time" | "null" | "json" | "tag" }
  | { type: "ref"; reference: { $ref: string } }
  | { type: "array" | "map"; element: SpecType }
  | { type: "union"; types: SpecType[] };

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

interface RawProperty {
  required?: boolean;
  type: SpecType;
  previousTypes?: SpecType[];
}

let database: SpecDatabase | undefined;
const resourceCache = new Map<string, ResourceSpec | null>();
const typeCache = new Map<string, ObjectSpec>();

function db(): SpecDatabase {
  database ??= loadAwsServiceSpecSync();
  return database;
}

function toProperties(raw: Record<string, RawProperty>): Map<string, SpecProperty> {
  const out = new Map<string, SpecProperty>();
  for (const [name, p] of Object.entries(raw)) {
    out.set(name, { required: p.required === true, types: [p.type, ...(p.previousTypes ?? [])] });
  }
  return out;
}

/** The spec of a CloudFormation resource type, or undefined when the spec does not know it. */
export function resourceSpec(cloudFormationType: string): ResourceSpec | undefined {
  const cached = resourceCache.get(cloudFormationType);
  if (cached !== undefined) return cached ?? undefined;
  const [found] = db().lookup("resource", "cloudFormationType", "equals", cloudFormationType);
  const spec: ResourceSpec | null = found
    ? {
        name: found.cloudFormationType,
        properties: toProperties(found.properties as Record<string, RawProperty>),
        attributes: new Set(Object.keys(found.attributes)),
        listAttributes: new Set(
          Object.entries(found.attributes)
            .filter(([, a]) => a.type.type === "array")
            .map(([name]) => name),
        ),
        stateful: found.isStateful === true,
      }
    : null;
  resourceCache.set(cloudFormationType, spec);
  return spec ?? undefined;
}

/** The spec of a nested property type, by the reference id found in a SpecType of kind "ref". */
export function propertyTypeSpec(ref: string): ObjectSpec {
  const cached = typeCache.get(ref);
  if (cached) return cached;
  const def = db().get("typeDefinition", ref);
  const spec = { name: def.name, properties: toProperties(def.properties as Record<string, RawProperty>) };
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
  typeNames ??= db()
    .all("resource")
    .map((r) => r.cloudFormationType)
    .sort();
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
