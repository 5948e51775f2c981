import { describe, expect, it } from "vitest";
import { fragment, mergeFragments } from "./fragment";
import { allow, roleResource } from "./iam";

describe("mergeFragments", () => {
  it("keeps one copy of a resource two fragments define identically", () => {
    const shared = { Type: "AWS::CodeDeploy::Application", Properties: { ComputePlatform: "Lambda" } };
    const merged = mergeFragments([
      fragment(["resources", "a"], { resources: { App: shared } }),
      fragment(["resources", "b"], { resources: { App: { ...shared } } }),
    ]);
    expect(merged.diagnostics).toEqual([]);
    expect(Object.keys(merged.resources)).toEqual(["App"]);
  });

  it("fails on a logical id defined differently, at the later fragment's path, naming both", () => {
    const merged = mergeFragments([
      fragment(["resources", "a"], { resources: { X: { Type: "AWS::SNS::Topic" } } }),
      fragment(["cloudformationResources", "X"], { resources: { X: { Type: "AWS::SQS::Queue" } } }),
    ]);
    expect(merged.diagnostics).toEqual([
      {
        severity: "error",
        code: "collision",
        message: 'logical id "X" is produced both by resources.a and by cloudformationResources.X; rename one of them',
        path: ["cloudformationResources", "X"],
      },
    ]);
    expect(merged.resources.X.Type).toBe("AWS::SNS::Topic");
  });

  it("puts every fragment's statements for a role into that role's one inline policy, folding duplicates", () => {
    const merged = mergeFragments([
      fragment(["resources", "fn"], {
        resources: { FnRole: roleResource(["lambda.amazonaws.com"]) },
        policyStatements: [{ role: "FnRole", statement: allow(["sqs:ReceiveMessage"], ["arn:q1"]) }],
      }),
      fragment(["resources", "fn", "properties", "events", 0], {
        policyStatements: [
          { role: "FnRole", statement: allow(["sqs:ReceiveMessage"], ["arn:q2", "arn:q1"]) },
          { role: "FnRole", statement: allow(["sns:Publish"], ["arn:t"]) },
        ],
      }),
    ]);
    expect(merged.diagnostics).toEqual([]);
    expect(merged.resources.FnRole.Properties?.Policies).toEqual([
      {
        PolicyName: "FnRolePolicy",
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: ["sqs:ReceiveMessage"], Resource: ["arn:q1", "arn:q2"] },
            { Effect: "Allow", Action: ["sns:Publish"], Resource: ["arn:t"] },
          ],
        },
      },
    ]);
  });

  it("turns invoke permissions into Lambda::Permission resources", () => {
    const merged = mergeFragments([
      fragment(["x"], {
        permissions: [{ logicalId: "P", functionName: { Ref: "F" }, principal: "sns.amazonaws.com", sourceArn: "arn:t" }],
      }),
    ]);
    expect(merged.resources.P).toEqual({
      Type: "AWS::Lambda::Permission",
      Properties: { Action: "lambda:InvokeFunction", FunctionName: { Ref: "F" }, Principal: "sns.amazonaws.com", SourceArn: "arn:t" },
    });
  });

  it("reports statements for a role nobody defined", () => {
    const merged = mergeFragments([fragment(["p"], { policyStatements: [{ role: "Ghost", statement: allow(["s3:GetObject"], ["*"]) }] })]);
    expect(merged.diagnostics).toEqual([expect.objectContaining({ severity: "error", path: ["p"] })]);
  });
});
