// Every form field edits a path the stack schema has, with the shape its kind expects (a form cannot
// write a setting the validator then refuses as unknown), and every property of the schema (the seeds'
// API references, seed 000 and 001) has a field or an editor that edits it.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CloudformationResourceSchema } from "@/lib/stack/schema/resources";
import { FunctionEventSchema } from "@/lib/stack/schema/events";
import { STACK_RESOURCE_TYPES, StackResourceSchema } from "@/lib/stack/schema/stack";
import { EDITOR_KEYS, RAW_SECTIONS, sectionsOf, type InspectorSection } from "./inspector-sections";
import { createPackaging } from "./packaging-fields";
import type { FieldSpec, ResourceOption } from "./spec";
import { TRIGGERS } from "./triggers";
import { AUTHORIZER_FIELDS } from "./triggers/authorizer";

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

/** The sections' fields with keys below the resource (a "properties" section's under "properties"). */
const fieldsOfSections = (sections: readonly InspectorSection[]): FieldSpec[] =>
  sections.flatMap((s) => s.fields.map((spec) => (s.base === "properties" ? { ...spec, key: ["properties", ...spec.key] } : spec)));

/** The paths the editors that are not a field list edit; each trigger type's form is a form of its own below (the "trigger" forms). */
const editedBy = (sections: readonly InspectorSection[]) => sections.flatMap((s) => (s.editors ?? []).flatMap((e) => EDITOR_KEYS[e].map((key) => ["properties", ...key])));

// The HTTP API route's authorizer: its type select (authorizer-editor.tsx) and each type's fields.
const authorizerFields: FieldSpec[] = Object.values(AUTHORIZER_FIELDS).flatMap((specs) => specs.map((spec) => ({ ...spec, key: ["authorizer", "properties", ...spec.key] })));

/** Name, schema of the object the form edits, its fields (keys below that object) and the paths other editors cover. */
const forms: [string, Schema, readonly FieldSpec[], readonly (readonly string[])[]][] = [
  ...STACK_RESOURCE_TYPES.map((type): [string, Schema, FieldSpec[], (readonly string[])[]] => [type, resourceSchema(type), fieldsOfSections(sectionsOf(type)), [["type"], ...editedBy(sectionsOf(type))]]),
  ...Object.values(TRIGGERS).map((t): [string, Schema, readonly FieldSpec[], (readonly string[])[]] =>
    t.type === "http-api-gateway" ? [`${t.type} trigger`, eventSchema(t.type).shape.properties, [...t.fields, ...authorizerFields], [["authorizer", "type"]]] : [`${t.type} trigger`, eventSchema(t.type).shape.properties, t.fields, []],
  ),
  ["cloudformationResources entry", CloudformationResourceSchema, fieldsOfSections(RAW_SECTIONS), []],
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

describe.each(forms)("the %s form", (_, schema, specs, edited) => {
  it.each(fieldsOf(specs).map(({ spec, path }) => [path.join("."), spec, path] as const))("%s is in the schema with the shape its kind edits", (_name, spec, path) => {
    const found = at(schema, path);
    expect(found.length).toBeGreaterThan(0);
    const wanted = expectedType[spec.kind];
    if (wanted) expect(found.some((s) => wanted.includes(baseType(s)))).toBe(true);
    if (spec.kind === "variant") expect(at(schema, [...path, "type"]).length).toBeGreaterThan(0);
  });

  it("has a field or an editor for every property of the schema", () => {
    expect(uncovered(schema, specs, edited)).toEqual([]);
  });

  // The check sees each field: without the fields at any one path, something is reported missing (a
  // picker is a shortcut that fills the fields below it, so those still cover its path).
  const paths = [...new Set(specs.filter((s) => s.kind !== "pick").map((s) => s.key.join(".")))];
  it.each(paths)("reports a property missing without its field %s", (key) => {
    expect(uncovered(schema, specs.filter((s) => s.key.join(".") !== key), edited)).not.toEqual([]);
  });
});

/**
 * Every property below `schema` a form must edit: one that is not an object, or a record, free-form
 * JSON or a list of scalars, is edited as one; an object's properties each; a list of objects at
 * item 0; a union (a tagged object) in each of its options.
 */
function properties(schema: Schema, path: readonly (string | number)[] = []): (string | number)[][] {
  const def = defOf(schema);
  if (def.type === "optional" || def.type === "nullable" || def.type === "default") return properties(def.innerType!, path);
  if (def.type === "union") {
    const all = def.options!.flatMap((o) => properties(o, path));
    return all.filter((p, i) => all.findIndex((q) => q.join(".") === p.join(".")) === i);
  }
  if (def.type === "object") return Object.entries(def.shape!).flatMap(([key, s]) => properties(s, [...path, key]));
  if (def.type === "array" && ["object", "union"].includes(baseType(def.element!))) return properties(def.element!, [...path, 0]);
  return [[...path]];
}

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]) => prefix.every((k, i) => path[i] === k);
const WHOLE_VALUE: readonly FieldSpec["kind"][] = ["json", "lines", "map", "list"];

/** The properties no field or editor edits: a field edits its path; a variant its `type` too; a JSON, lines, map or list field all below it. */
function uncovered(schema: Schema, specs: readonly FieldSpec[], edited: readonly (readonly string[])[]): string[] {
  const fields = fieldsOf(specs);
  const covers = (p: (string | number)[]) =>
    edited.some((e) => startsWith(p, e)) ||
    fields.some(({ spec, path }) => {
      if (path.length === p.length && startsWith(p, path)) return true;
      if (spec.kind === "variant") return p.length === path.length + 1 && startsWith(p, path) && p[path.length] === "type";
      return WHOLE_VALUE.includes(spec.kind) && !spec.itemFields && startsWith(p, path);
    });
  return properties(schema).filter((p) => !covers(p)).map((p) => p.join("."));
}

describe("the packaging selector", () => {
  const packaging = at(resourceSchema("function"), ["properties", "packaging"]);
  it.each(["stacktape-lambda-buildpack", "s3-artifact", "container-image"])("creates a %s packaging the schema accepts once its required fields are filled", (type) => {
    const created = createPackaging(type) as { type: string; properties: Record<string, string> };
    expect(created.type).toBe(type);
    const filled = { ...created, properties: Object.fromEntries(Object.keys(created.properties).map((k) => [k, "x"])) };
    expect(packaging.some((s) => s.safeParse(filled).success)).toBe(true);
    expect(packaging.some((s) => s.safeParse(created).success)).toBe(false);
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
