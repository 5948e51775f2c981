import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCfnSpecData } from "./cfn-spec-build";
import { decodeType, specText } from "./cfn-spec-format";
import { allResourceTypes, attributeIsList, isStatefulType, propertyTypeSpec, resourceSpec } from "./spec-db";

const committed = readFileSync(path.join(import.meta.dirname, "cfn-spec.json"), "utf8");

describe("cfn-spec.json", () => {
  it("is what scripts/generate-cfn-spec.ts makes from the installed @aws-cdk/aws-service-spec", () => {
    const current = buildCfnSpecData() === committed;
    expect(current, "cfn-spec.json is stale: run npx tsx scripts/generate-cfn-spec.ts and commit the result").toBe(true);
  }, 60_000);

  it("is one JSON object whose every entry the line search finds", () => {
    const whole = JSON.parse(committed) as { resources: Record<string, unknown>; types: Record<string, unknown> };
    const text = specText(Buffer.from(committed));
    expect(text.resourceTypes()).toEqual(Object.keys(whole.resources));
    // Each search scans the text, so a sample: the first and last entries of both sections and every 97th.
    const sample = <T,>(entries: T[]) => entries.filter((_, i) => i === 0 || i === entries.length - 1 || i % 97 === 0);
    for (const [type, value] of sample(Object.entries(whole.resources))) expect(JSON.parse(text.resource(type)!)).toEqual(value);
    for (const [id, value] of sample(Object.entries(whole.types))) expect(JSON.parse(text.propertyType(id)!)).toEqual(value);
    // A resource type is not found among the property types, nor the other way round.
    expect(text.propertyType("AWS::SQS::Queue")).toBeUndefined();
    expect(text.resource("0")).toBeUndefined();
  });
});

describe("the spec read from it", () => {
  it("has properties with their types, attributes and statefulness", () => {
    const fn = resourceSpec("AWS::Lambda::Function")!;
    expect(fn.properties.get("Code")).toMatchObject({ required: true, types: [{ type: "ref" }] });
    expect(fn.properties.get("MemorySize")).toEqual({ required: false, types: [{ type: "integer" }] });
    expect(fn.attributes.has("Arn")).toBe(true);
    const code = fn.properties.get("Code")!.types[0] as { reference: { $ref: string } };
    expect(propertyTypeSpec(code.reference.$ref).properties.get("S3Bucket")).toEqual({ required: false, types: [{ type: "string" }] });
    expect(isStatefulType("AWS::DynamoDB::Table")).toBe(true);
    expect(isStatefulType("AWS::SNS::Topic")).toBe(false);
    expect(attributeIsList("AWS::ElasticLoadBalancingV2::LoadBalancer", "SecurityGroups")).toBe(true);
    expect(resourceSpec("AWS::Nope::Nothing")).toBeUndefined();
    expect(allResourceTypes().length).toBeGreaterThan(1000);
  });

  it("decodes nested and union types", () => {
    expect(decodeType(["map", ["array", "#3"]])).toEqual({ type: "map", element: { type: "array", element: { type: "ref", reference: { $ref: "3" } } } });
    expect(decodeType(["union", "string", "json"])).toEqual({ type: "union", types: [{ type: "string" }, { type: "json" }] });
  });
});
