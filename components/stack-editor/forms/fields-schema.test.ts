// Every form field edits a path the stack schema has, with the shape its kind expects: a form cannot
// write a setting the validator then refuses as unknown.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CloudformationResourceSchema } from "@/lib/stack/schema/resources";
import { FunctionEventSchema } from "@/lib/stack/schema/events";
import { StackResourceSchema } from "@/lib/stack/schema/stack";
import { DESTINATION_FIELDS, EDGE_FUNCTION_FIELDS, FUNCTION_FIELDS } from "./function-fields";
import { RAW_RESOURCE_FIELDS, RESOURCE_FIELDS } from "./resource-fields";
import type { FieldSpec, ResourceOption } from "./spec";
import { TRIGGERS } from "./triggers";

type Schema = z.ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  valueType?: Schema;
}
const defOf = (s: Schema) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas a value at `path` below `schema` may have to satisfy (none: the path is not in the schema). */
function at(schema: Schema, path: readonly (string | number)[]): Schema[] {
  const def = defOf(schema);
  if (def.type === "optional" || def.type === "nullable" || def.type === "default") return at(def.innerType!, path);
  if (def.type === "union") return def.options!.flatMap((o) => at(o, path));
  if (path.length === 0) return [schema];
  const [key, ...rest] = path;
  if (def.type === "object") return def.shape![key as string] ? at(def.shape![key as string], rest) : [];
  if (def.type === "array" && typeof key === "number") return at(def.element!, rest);
  if (def.type === "record") return at(def.valueType!, rest);
  return [];
}

const baseType = (s: Schema): string => {
  const def = defOf(s);
  return def.type === "optional" || def.type === "nullable" || def.type === "default" ? baseType(def.innerType!) : def.type;
};

/** Each field of a form with its full path, lists' item fields at item 0. */
function fieldsOf(specs: readonly FieldSpec[], base: readonly (string | number)[] = []): { spec: FieldSpec; path: (string | number)[] }[] {
  return specs.flatMap((spec) => {
    const path = [...base, ...spec.key];
    return [{ spec, path }, ...(spec.itemFields ? fieldsOf(spec.itemFields, [...path, 0]) : [])];
  });
}

const resourceSchema = (type: string) => StackResourceSchema.options.find((o) => o.shape.type.value === type)!;
const eventSchema = (type: string) => FunctionEventSchema.options.find((o) => o.shape.type.value === type)!;

const forms: [string, Schema, readonly FieldSpec[]][] = [
  ["function", resourceSchema("function").shape.properties, [...FUNCTION_FIELDS, ...DESTINATION_FIELDS]],
  ["edge-lambda-function", resourceSchema("edge-lambda-function").shape.properties, EDGE_FUNCTION_FIELDS],
  ...Object.entries(RESOURCE_FIELDS).map(([type, specs]): [string, Schema, readonly FieldSpec[]] => [type, resourceSchema(type).shape.properties, specs]),
  ...Object.values(TRIGGERS).map((t): [string, Schema, readonly FieldSpec[]] => [`${t.type} trigger`, eventSchema(t.type).shape.properties, t.fields]),
  ["cloudformationResources entry", CloudformationResourceSchema, RAW_RESOURCE_FIELDS],
];

const expectedType: Partial<Record<FieldSpec["kind"], string[]>> = {
  list: ["array"],
  lines: ["array"],
  map: ["record"],
  number: ["int", "number"],
  boolean: ["boolean"],
  pick: ["object"],
  variant: ["object"],
};

describe.each(forms)("the %s form", (_, schema, specs) => {
  it.each(fieldsOf(specs).map(({ spec, path }) => [path.join("."), spec, path] as const))("%s is in the schema with the shape its kind edits", (_name, spec, path) => {
    const found = at(schema, path);
    expect(found.length).toBeGreaterThan(0);
    const wanted = expectedType[spec.kind];
    if (wanted) expect(found.some((s) => wanted.includes(baseType(s)))).toBe(true);
    if (spec.kind === "variant") expect(at(schema, [...path, "type"]).length).toBeGreaterThan(0);
  });
});

describe("pickers and new items", () => {
  const stack: ResourceOption[] = [
    { name: "dlq", kind: "queue" },
    { name: "alerts", kind: "topic" },
  ];
  const picks = forms.flatMap(([name, schema, specs]) => fieldsOf(specs).filter((f) => f.spec.kind === "pick").map((f) => [name, f, schema] as const));

  it.each(picks.flatMap(([name, f, schema]) => stack.map((o) => [`${name} ${f.path.join(".")} from a ${o.kind}`, f, schema, o] as const)))(
    "%s fills a value the schema accepts, or none",
    (_name, f, schema, option) => {
      const filled = f.spec.fill!(option);
      if (filled === undefined) return expect(f.spec.resourceKinds).not.toContain(option.kind);
      expect(at(schema, f.path).some((s) => s.safeParse(filled).success)).toBe(true);
    },
  );

  it("has a picker for each failure destination", () => {
    expect(picks.map(([name, f]) => `${name} ${f.path.join(".")}`)).toEqual(["sns trigger onDeliveryFailure", "kinesis-stream trigger onFailure", "dynamo-db-stream trigger onFailure"]);
  });

  it("creates new Kafka authentications the schema accepts once their secret is set", () => {
    const auth = fieldsOf(TRIGGERS["kafka-topic"].fields).find((f) => f.spec.kind === "variant")!;
    const schema = at(eventSchema("kafka-topic").shape.properties, auth.path);
    for (const type of auth.spec.options!) {
      const created = auth.spec.create!(type) as { type: string; properties: Record<string, string> };
      expect(created.type).toBe(type);
      const filled = { ...created, properties: Object.fromEntries(Object.keys(created.properties).map((k) => [k, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka"])) };
      expect(schema.some((s) => s.safeParse(filled).success)).toBe(true);
    }
  });
});
