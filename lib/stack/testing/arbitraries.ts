// fast-check arbitraries derived from the zod schemas, for property tests and fuzzing: every value they
// produce satisfies the schema (structurally valid; cross-references are random and usually dangling).
import fc from "fast-check";
import { z } from "zod";
import { StackDefinitionSchema, type StackDefinition } from "../schema";

export interface ArbitraryOptions {
  /** Upper bound on generated array, record and string sizes, to keep definitions small. */
  maxItems?: number;
}

type Check = { check: string; minimum?: number; maximum?: number; format?: string; pattern?: RegExp };
const checksOf = (schema: z.ZodType): Check[] =>
  ((schema.def as { checks?: { _zod: { def: Check } }[] }).checks ?? []).map((c) => c._zod.def);

function stringArbitrary(schema: z.ZodString, maxItems: number): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? Infinity, Math.max(min, maxItems * 8));
  const pattern = checksOf(schema).find((c) => c.format === "regex")?.pattern;
  const base = pattern ? fc.stringMatching(pattern) : fc.string({ minLength: min, maxLength: max });
  return base.filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
}

function numberArbitrary(schema: z.ZodNumber): fc.Arbitrary<number> {
  const min = schema.minValue ?? -1e9;
  const max = schema.maxValue ?? 1e9;
  return schema.isInt
    ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function unwrapOptional(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  return schema instanceof z.ZodOptional ? { inner: schema.unwrap() as z.ZodType, optional: true } : { inner: schema, optional: false };
}

/** An arbitrary for any schema built from the zod types the stack schema uses. */
export function arbitraryFor(schema: z.ZodType, opts: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const maxItems = opts.maxItems ?? 3;
  const arb = (s: z.ZodType): fc.Arbitrary<unknown> => {
    if (s instanceof z.ZodOptional) return arb(s.unwrap() as z.ZodType);
    // The only lazy schema is JsonValue: fast-check's own JSON arbitrary is the same set.
    if (s instanceof z.ZodLazy) return fc.jsonValue({ maxDepth: 2 });
    if (s instanceof z.ZodObject) {
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      const requiredKeys: string[] = [];
      for (const [key, field] of Object.entries(s.shape as Record<string, z.ZodType>)) {
        const { inner, optional } = unwrapOptional(field);
        shape[key] = arb(inner);
        if (!optional) requiredKeys.push(key);
      }
      return fc.record(shape, { requiredKeys, noNullPrototype: true });
    }
    if (s instanceof z.ZodArray) {
      const checks = checksOf(s);
      const minLength = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
      const maxLength = Math.min(checks.find((c) => c.check === "max_length")?.maximum ?? Infinity, Math.max(minLength, maxItems));
      return fc.array(arb(s.element as z.ZodType), { minLength, maxLength });
    }
    if (s instanceof z.ZodRecord) {
      return fc
        .dictionary(arb(s.keyType as z.ZodType) as fc.Arbitrary<string>, arb(s.valueType as z.ZodType), {
          maxKeys: maxItems,
          noNullPrototype: true,
        })
        .filter((d) => !Object.hasOwn(d, "__proto__"));
    }
    if (s instanceof z.ZodUnion) return fc.oneof(...(s.options as z.ZodType[]).map(arb));
    if (s instanceof z.ZodLiteral) return fc.constantFrom(...(s.def.values as unknown[]));
    if (s instanceof z.ZodEnum) return fc.constantFrom(...(s.options as unknown[]));
    if (s instanceof z.ZodString) return stringArbitrary(s, maxItems);
    if (s instanceof z.ZodNumber) return numberArbitrary(s);
    if (s instanceof z.ZodBoolean) return fc.boolean();
    if (s instanceof z.ZodNull) return fc.constant(null);
    throw new Error(`arbitraryFor: unsupported schema ${s.constructor.name}`);
  };
  return arb(schema).filter((v) => schema.safeParse(v).success);
}

/** Random stack definitions that satisfy StackDefinitionSchema. */
export function arbitraryStackDefinition(opts: ArbitraryOptions = {}): fc.Arbitrary<StackDefinition> {
  return arbitraryFor(StackDefinitionSchema, opts) as fc.Arbitrary<StackDefinition>;
}
