import { describe, expect, it } from "vitest";
import { resourceGraph } from "@/server/validate/template-graph";
import { assignOwners, isPinnedToParent } from "./ownership";

const fn = (role: string) => ({ Type: "AWS::Lambda::Function", Properties: { Role: { "Fn::GetAtt": [role, "Arn"] } } });
const role = (...reads: string[]) => ({
  Type: "AWS::IAM::Role",
  Properties: { Policies: reads.map((r) => ({ PolicyDocument: { Resource: { "Fn::GetAtt": [r, "Arn"] } } })) },
});
const permission = (target: string, source?: unknown) => ({
  Type: "AWS::Lambda::Permission",
  Properties: { FunctionName: { Ref: target }, ...(source ? { SourceArn: source } : {}) },
});

describe("isPinnedToParent", () => {
  it("pins shared entry points, network and data-holding resources, but not a log group", () => {
    expect(isPinnedToParent({ Type: "AWS::ApiGatewayV2::Api" })).toBe(true);
    expect(isPinnedToParent({ Type: "AWS::EC2::SecurityGroup" })).toBe(true);
    expect(isPinnedToParent({ Type: "AWS::DynamoDB::Table" })).toBe(true);
    expect(isPinnedToParent({ Type: "AWS::SQS::Queue" })).toBe(true);
    expect(isPinnedToParent({ Type: "AWS::IAM::Role", DeletionPolicy: "Retain" })).toBe(true);
    expect(isPinnedToParent({ Type: "AWS::Logs::LogGroup" })).toBe(false);
    expect(isPinnedToParent({ Type: "AWS::IAM::Role" })).toBe(false);
    expect(isPinnedToParent({ Type: "AWS::Lambda::Permission" })).toBe(false);
  });
});

describe("assignOwners", () => {
  const resources = {
    Api: { Type: "AWS::ApiGatewayV2::Api" },
    Queue: { Type: "AWS::SQS::Queue" },
    Auth: fn("AuthRole"),
    AuthRole: role(),
    Authorizer: { Type: "AWS::ApiGatewayV2::Authorizer", Properties: { ApiId: { Ref: "Api" }, Uri: { "Fn::GetAtt": ["Auth", "Arn"] } } },
    A: fn("ARole"),
    ARole: role("ALog", "Queue"),
    ALog: { Type: "AWS::Logs::LogGroup" },
    AMapping: { Type: "AWS::Lambda::EventSourceMapping", Properties: { FunctionName: { Ref: "A" }, EventSourceArn: { "Fn::GetAtt": ["Queue", "Arn"] } } },
    AIntegration: { Type: "AWS::ApiGatewayV2::Integration", Properties: { ApiId: { Ref: "Api" }, IntegrationUri: { "Fn::GetAtt": ["A", "Arn"] } } },
    ARoute: {
      Type: "AWS::ApiGatewayV2::Route",
      Properties: { ApiId: { Ref: "Api" }, Target: { "Fn::Sub": "integrations/${AIntegration}" }, AuthorizerId: { Ref: "Authorizer" } },
    },
    APermission: permission("A", { "Fn::Sub": "${Api}/*" }),
    B: fn("SharedRole"),
    C: fn("SharedRole"),
    SharedRole: role("ALog"),
    BIntegration: { Type: "AWS::ApiGatewayV2::Integration", Properties: { ApiId: { Ref: "Api" }, IntegrationUri: { "Fn::GetAtt": ["B", "Arn"] } } },
    BRoute: {
      Type: "AWS::ApiGatewayV2::Route",
      Properties: { ApiId: { Ref: "Api" }, Target: { "Fn::Sub": "integrations/${BIntegration}" }, AuthorizerId: { Ref: "Authorizer" } },
    },
    Kept: { ...fn("KeptRole"), DeletionPolicy: "Retain" },
    KeptRole: role(),
    Orphan: { Type: "AWS::SNS::Subscription", Properties: { TopicArn: "arn:aws:sns:::t" } },
  };
  const owners = assignOwners(resources, resourceGraph(resources));

  it("puts a function's exclusive dependencies and its dependents in its group", () => {
    for (const id of ["A", "ARole", "AMapping", "AIntegration", "ARoute", "APermission"]) expect(owners.get(id), id).toBe("A");
    expect(owners.get("BRoute")).toBe("B");
    expect(owners.get("AuthRole")).toBe("Auth");
  });

  it("keeps pinned, multiply used and unattached resources in the parent", () => {
    expect(owners.get("Api")).toBeNull();
    expect(owners.get("Queue")).toBeNull();
    expect(owners.get("SharedRole")).toBeNull();
    expect(owners.get("ALog")).toBeNull();
    expect(owners.get("Orphan")).toBeNull();
    expect(owners.get("Kept")).toBeNull();
  });

  it("keeps a dependent that several groups use (the authorizer) in the parent", () => {
    expect(owners.get("Authorizer")).toBeNull();
  });

  it("gives a resource used only by a retained function no group, since that function has none", () => {
    expect(owners.get("KeptRole")).toBeNull();
  });
});
