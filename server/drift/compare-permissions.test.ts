import { describe, expect, it } from "vitest";
import { comparePermissions, grantOfStatement } from "./compare-permissions";

const scope = { physicalIds: { WorkerFunction: "shop-dev-worker", CronRule: "shop-dev-cron" }, pseudo: { "AWS::Region": "eu-west-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws" } };
const ruleArn = "arn:aws:events:eu-west-1:123456789012:rule/shop-dev-cron";
const schedule = {
  Action: "lambda:InvokeFunction",
  FunctionName: { Ref: "WorkerFunction" },
  Principal: "events.amazonaws.com",
  SourceArn: { "Fn::Sub": "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/${CronRule}" },
};
const statement = (sid: string, principal: unknown, sourceArn?: string) => ({
  Sid: sid,
  Effect: "Allow",
  Principal: principal,
  Action: "lambda:InvokeFunction",
  Resource: "arn:aws:lambda:eu-west-1:123456789012:function:shop-dev-worker",
  ...(sourceArn ? { Condition: { ArnLike: { "AWS:SourceArn": sourceArn } } } : {}),
});

describe("comparePermissions", () => {
  it("GIVEN the policy holds the rendered grant (whatever its statement id) THEN no drift", () => {
    expect(comparePermissions("WorkerFunction", [["CronPermission", schedule]], [statement("stack-CronPermission-XYZ", { Service: "events.amazonaws.com" }, ruleArn)], scope)).toEqual({
      drifts: [],
      unknown: [],
    });
  });

  it("GIVEN the trigger's grant removed outside THEN the permission is reported gone, with what it allowed", () => {
    expect(comparePermissions("WorkerFunction", [["CronPermission", schedule]], [], scope).drifts).toEqual([
      { resource: "CronPermission", property: "(resource)", deployed: `lambda:InvokeFunction by events.amazonaws.com from ${ruleArn}`, live: null },
    ]);
  });

  it("GIVEN another account allowed to invoke outside THEN the extra statement is drift on the function", () => {
    const live = [statement("a", { Service: "events.amazonaws.com" }, ruleArn), statement("open-door", { AWS: "arn:aws:iam::999999999999:root" })];
    expect(comparePermissions("WorkerFunction", [["CronPermission", schedule]], live, scope).drifts).toEqual([
      { resource: "WorkerFunction", property: "Policy.open-door", deployed: null, live: "lambda:InvokeFunction by 999999999999" },
    ]);
  });

  it("GIVEN the grant's source ARN changed outside THEN both the missing grant and the foreign one are reported", () => {
    const live = [statement("a", { Service: "events.amazonaws.com" }, "arn:aws:events:eu-west-1:999999999999:rule/theirs")];
    expect(comparePermissions("WorkerFunction", [["CronPermission", schedule]], live, scope).drifts.map((d) => `${d.resource} ${d.property}`)).toEqual([
      "CronPermission (resource)",
      "WorkerFunction Policy.a",
    ]);
  });

  it("GIVEN a source ARN only CloudFormation knows THEN a grant of the same principal matches and the ARN is not compared", () => {
    const api = { ...schedule, Principal: "apigateway.amazonaws.com", SourceArn: { "Fn::GetAtt": ["HttpApi", "Arn"] } };
    const live = [statement("b", { Service: "apigateway.amazonaws.com" }, "arn:aws:execute-api:eu-west-1:123456789012:abc/*"), statement("a", { Service: "events.amazonaws.com" }, ruleArn)];
    expect(comparePermissions("WorkerFunction", [["ApiPermission", api], ["CronPermission", schedule]], live, scope)).toEqual({
      drifts: [],
      unknown: [{ resource: "ApiPermission", property: "SourceArn", reason: "CloudFormation resolves this value when it deploys" }],
    });
  });

  it("reads principals and conditions in each form Lambda writes them; deny statements are not grants", () => {
    expect(grantOfStatement({ Effect: "Allow", Principal: "*", Action: ["lambda:InvokeFunctionUrl"] })).toEqual({ action: "lambda:InvokeFunctionUrl", principal: "*" });
    expect(grantOfStatement({ Effect: "Allow", Principal: { Service: ["s3.amazonaws.com"] }, Action: "lambda:InvokeFunction", Condition: { StringEquals: { "AWS:SourceAccount": "123456789012" } } })).toEqual({
      action: "lambda:InvokeFunction",
      principal: "s3.amazonaws.com",
      sourceAccount: "123456789012",
    });
    expect(grantOfStatement({ Effect: "Deny", Principal: "*", Action: "lambda:InvokeFunction" })).toBeNull();
  });
});
