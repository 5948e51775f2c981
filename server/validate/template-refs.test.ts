import { describe, expect, it } from "vitest";
import { forEachReference, parseSubString, printSubString, rewriteReferences, type TemplateReference } from "./template-refs";

function referencesIn(value: unknown): Omit<TemplateReference, "path">[] {
  const found: Omit<TemplateReference, "path">[] = [];
  forEachReference(value, [], (ref) => found.push({ target: ref.target, via: ref.via, ...(ref.attribute ? { attribute: ref.attribute } : {}) }));
  return found;
}

describe("parseSubString", () => {
  it("separates variables from text and keeps escaped ${!x} as text", () => {
    const parts = parseSubString("arn:${AWS::Partition}:s3:::${Bucket}/${!Literal}/${Fn.Arn}");
    expect(parts).toEqual([
      { text: "arn:" },
      { name: "AWS::Partition" },
      { text: ":s3:::" },
      { name: "Bucket" },
      { text: "/${!Literal}/" },
      { name: "Fn.Arn" },
    ]);
    expect(printSubString(parts)).toBe("arn:${AWS::Partition}:s3:::${Bucket}/${!Literal}/${Fn.Arn}");
  });
});

describe("forEachReference", () => {
  it("finds Ref, both Fn::GetAtt forms and Fn::Sub variables, skipping Sub-local names", () => {
    const value = {
      A: { Ref: "Param" },
      B: [{ "Fn::GetAtt": ["Fn", "Arn"] }, { "Fn::GetAtt": "Queue.QueueUrl" }],
      C: { "Fn::Sub": ["${Local}-${AWS::Region}-${Api.ApiEndpoint}", { Local: { Ref: "Table" } }] },
      D: { "Fn::Join": ["", [{ Ref: "Bucket" }]] },
    };
    expect(referencesIn(value)).toEqual([
      { target: "Param", via: "Ref" },
      { target: "Fn", attribute: "Arn", via: "Fn::GetAtt" },
      { target: "Queue", attribute: "QueueUrl", via: "Fn::GetAtt" },
      { target: "AWS::Region", via: "Fn::Sub" },
      { target: "Api", attribute: "ApiEndpoint", via: "Fn::Sub" },
      { target: "Table", via: "Ref" },
      { target: "Bucket", via: "Ref" },
    ]);
  });

  it("reports the path of the intrinsic holding each reference", () => {
    const paths: unknown[] = [];
    forEachReference({ P: [{ X: { Ref: "A" } }] }, ["Resources", "R"], (r) => paths.push(r.path));
    expect(paths).toEqual([["Resources", "R", "P", 0, "X"]]);
  });
});

describe("rewriteReferences", () => {
  it("rewrites each form in place and leaves the input untouched", () => {
    const value = {
      R: { Ref: "Fn" },
      G: { "Fn::GetAtt": "Fn.Arn" },
      S: { "Fn::Sub": "${Fn}:${Fn.Arn}:${Other}:${!Fn}" },
      K: { Ref: "Other" },
    };
    const before = structuredClone(value);
    const out = rewriteReferences(value, (ref) =>
      ref.target === "Fn" ? (ref.attribute ? { target: "Child", attribute: `Outputs.Fn${ref.attribute}` } : { target: "FnParam" }) : undefined,
    );
    expect(out).toEqual({
      R: { Ref: "FnParam" },
      G: { "Fn::GetAtt": ["Child", "Outputs.FnArn"] },
      S: { "Fn::Sub": "${FnParam}:${Child.Outputs.FnArn}:${Other}:${!Fn}" },
      K: { Ref: "Other" },
    });
    expect(value).toEqual(before);
  });

  it("wraps list values in Fn::Split when asked", () => {
    const out = rewriteReferences({ "Fn::GetAtt": ["Lb", "SecurityGroups"] }, () => ({
      target: "Child",
      attribute: "Outputs.LbSecurityGroups",
      splitList: true,
    }));
    expect(out).toEqual({ "Fn::Split": [",", { "Fn::GetAtt": ["Child", "Outputs.LbSecurityGroups"] }] });
  });
});
