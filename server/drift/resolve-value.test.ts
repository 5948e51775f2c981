import { describe, expect, it } from "vitest";
import { resolveValue } from "./resolve-value";

const scope = { physicalIds: { Queue: "https://sqs/q", Fn: "shop-dev-api" }, pseudo: { "AWS::Region": "eu-west-1", "AWS::AccountId": "123" } };

describe("resolveValue", () => {
  it("keeps literals and resolves Ref to physical ids and pseudo parameters", () => {
    expect(resolveValue("x", scope)).toEqual({ known: true, value: "x" });
    expect(resolveValue(5, scope)).toEqual({ known: true, value: 5 });
    expect(resolveValue({ Ref: "Queue" }, scope)).toEqual({ known: true, value: "https://sqs/q" });
    expect(resolveValue({ Ref: "AWS::Region" }, scope)).toEqual({ known: true, value: "eu-west-1" });
  });

  it("resolves Fn::Sub (with and without variables) and Fn::Join over known parts", () => {
    expect(resolveValue({ "Fn::Sub": "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}" }, scope)).toEqual({
      known: true,
      value: "arn:aws:lambda:eu-west-1:123:function:shop-dev-api",
    });
    expect(resolveValue({ "Fn::Sub": ["${A}-${AWS::Region}", { A: { Ref: "Fn" } }] }, scope)).toEqual({ known: true, value: "shop-dev-api-eu-west-1" });
    expect(resolveValue({ "Fn::Join": ["/", ["a", { Ref: "Fn" }]] }, scope)).toEqual({ known: true, value: "a/shop-dev-api" });
  });

  it("answers unknown for attributes, unknown resources and nested unknowns", () => {
    expect(resolveValue({ "Fn::GetAtt": ["Queue", "Arn"] }, scope)).toEqual({ known: false });
    expect(resolveValue({ Ref: "Missing" }, scope)).toEqual({ known: false });
    expect(resolveValue({ "Fn::Sub": "${AWS::Partition}" }, scope)).toEqual({ known: false });
    expect(resolveValue(["a", { "Fn::GetAtt": ["Queue", "Arn"] }], scope)).toEqual({ known: false });
    expect(resolveValue({ Variables: { A: { "Fn::ImportValue": "x" } } }, scope)).toEqual({ known: false });
  });
});
