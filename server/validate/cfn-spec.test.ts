import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCfnSpecData } from "./cfn-spec-build";
import { decodeType, indexSpecText } from "./cfn-spec-format";
import { allResourceTypes, attributeIsList, isStatefulType, propertyTypeSpec, resourceSpec } from "./spec-db";

const committed = readFileSync(path.join(import.meta.dirname, "cfn-spec.json"), "utf8");

describe("cfn-spec.json", () => {
  it("is what scripts/generate-cfn-spec.ts makes from the installed @aws-cdk/aws-service-spec", () => {
    const current = buildCfnSpecData() === committed;
    expect(current, "cfn-spec.json is stale: run npx tsx scripts/generate-cfn-spec.ts and commit the result").toBe(true);
  }, 60_000);

  it("is one JSON object whose index finds every entry", () => {
    const whole = JSON.parse(committed) as { resources: object; types: object };
    const index = indexSpecText(committed);
    expect([...index.resources.keys()]).toEqual(Object.keys(whole.resources));
    expect([...index.types.keys()]).toEqual(Object.keys(whole.types));
    expect(JSON.parse(index.resources.get("AWS::SQS::Queue")!)).toEqual((whole.resources as Record<string, unknown>)["AWS::SQS::Queue"]);
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
