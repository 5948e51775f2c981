import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStack } from "./parse";
import { printStack } from "./print";
import type { StackDefinition } from "./schema";
import { arbitraryStackDefinition } from "./testing/arbitraries";

const fixturesDir = path.resolve(__dirname, "../../server/render/fixtures");

describe("printStack", () => {
  it("round-trips random valid definitions: parse(print(x)) deep-equals x", () => {
    fc.assert(
      fc.property(arbitraryStackDefinition(), (definition) => {
        const printed = printStack(definition);
        const reparsed = parseStack(printed);
        expect(reparsed.diagnostics).toEqual([]);
        // Structural equality: a map whose key is "constructor" comes back from the YAML parser as
        // a null-prototype object, which toStrictEqual would count as a different type.
        expect(reparsed.definition).toEqual(definition);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("round-trips keys that are Object.prototype names", () => {
    const definition = { resources: {}, cloudformationResources: { constructor: { Type: "AWS::SQS::Queue" }, toString: { Type: "AWS::SNS::Topic" } } };
    const reparsed = parseStack(printStack(definition as StackDefinition));
    expect(reparsed.diagnostics).toEqual([]);
    expect(reparsed.definition).toEqual(definition);
    expect(Object.keys(reparsed.definition!.cloudformationResources!)).toEqual(["constructor", "toString"]);
  });

  it("round-trips every seed fixture", () => {
    for (const file of readdirSync(fixturesDir).filter((f) => f.endsWith(".yml"))) {
      const parsed = parseStack(readFileSync(path.join(fixturesDir, file), "utf8")).definition;
      expect(parsed, file).toBeDefined();
      expect(parseStack(printStack(parsed!)).definition, file).toStrictEqual(parsed);
    }
  });

  it("quotes strings YAML would otherwise read as other types", () => {
    const definition: StackDefinition = {
      resources: {
        fn: {
          type: "function",
          properties: {
            packaging: { type: "stacktape-lambda-buildpack", properties: { entryfilePath: "a.ts" } },
            environment: [
              { name: "LOOKS_NUMERIC", value: "1.0" },
              { name: "LOOKS_BOOLEAN", value: "true" },
              { name: "LOOKS_NULL", value: "null" },
              { name: "REAL_NUMBER", value: 1 },
            ],
          },
        },
      },
    };
    const env = parseStack(printStack(definition)).definition!.resources.fn;
    expect(env.type === "function" && env.properties.environment?.map((e) => e.value)).toEqual(["1.0", "true", "null", 1]);
  });

  it("writes repeated sub-objects in full, without YAML anchors", () => {
    const packaging = { type: "stacktape-lambda-buildpack" as const, properties: { entryfilePath: "a.ts" } };
    const printed = printStack({
      resources: { a: { type: "function", properties: { packaging } }, b: { type: "function", properties: { packaging } } },
    });
    expect(printed).not.toMatch(/[&*]a\d/);
    expect(printed.match(/entryfilePath: a\.ts/g)).toHaveLength(2);
  });
});
