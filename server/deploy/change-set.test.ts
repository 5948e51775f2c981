import type { Change } from "@aws-sdk/client-cloudformation";
import { describe, expect, it } from "vitest";
import { countChanges, isNoChangeReason, summarizeChanges } from "./change-set";

// Shaped like DescribeChangeSet's Changes (AWS CloudFormation API reference, ResourceChange).
const CHANGES: Change[] = [
  {
    Type: "Resource",
    ResourceChange: {
      Action: "Modify",
      LogicalResourceId: "WorkerFunction",
      PhysicalResourceId: "shop-dev-worker",
      ResourceType: "AWS::Lambda::Function",
      Replacement: "False",
      Scope: ["Properties"],
      Details: [
        { Target: { Attribute: "Properties", Name: "MemorySize", RequiresRecreation: "Never" }, Evaluation: "Static", ChangeSource: "DirectModification" },
        { Target: { Attribute: "Properties", Name: "Code", RequiresRecreation: "Never" }, Evaluation: "Static", ChangeSource: "DirectModification" },
        { Target: { Attribute: "Properties", Name: "MemorySize", RequiresRecreation: "Never" }, Evaluation: "Dynamic", ChangeSource: "ResourceAttribute" },
      ],
    },
  },
  { Type: "Resource", ResourceChange: { Action: "Add", LogicalResourceId: "CronEvent0Rule", ResourceType: "AWS::Events::Rule" } },
  {
    Type: "Resource",
    ResourceChange: { Action: "Remove", LogicalResourceId: "OldQueue", PhysicalResourceId: "https://sqs/old", ResourceType: "AWS::SQS::Queue" },
  },
  {
    Type: "Resource",
    ResourceChange: {
      Action: "Modify",
      LogicalResourceId: "Table",
      ResourceType: "AWS::DynamoDB::Table",
      Replacement: "True",
      Details: [{ Target: { Attribute: "Properties", Name: "KeySchema", RequiresRecreation: "Always" } }],
    },
  },
  { Type: "Resource", ResourceChange: { Action: "Modify", LogicalResourceId: "Api", ResourceType: "AWS::ApiGatewayV2::Api", Replacement: "Conditional", Details: [{ Target: { Attribute: "Tags" } }] } },
];

describe("summarizeChanges", () => {
  const summary = summarizeChanges(CHANGES);

  it("lists every resource change sorted by logical id, with the touched properties once each", () => {
    expect(summary.map((c) => [c.action, c.logicalId])).toEqual([
      ["modify", "Api"],
      ["add", "CronEvent0Rule"],
      ["remove", "OldQueue"],
      ["modify", "Table"],
      ["modify", "WorkerFunction"],
    ]);
    expect(summary.find((c) => c.logicalId === "WorkerFunction")).toEqual({
      action: "modify",
      logicalId: "WorkerFunction",
      resourceType: "AWS::Lambda::Function",
      physicalId: "shop-dev-worker",
      replacement: "no",
      changed: ["Code", "MemorySize"],
    });
    expect(summary.find((c) => c.logicalId === "Api")?.changed).toEqual(["Tags"]);
  });

  it("says which modifications replace the resource; adds and removes carry no replacement", () => {
    expect(Object.fromEntries(summary.map((c) => [c.logicalId, c.replacement]))).toEqual({
      Api: "conditional",
      CronEvent0Rule: undefined,
      OldQueue: undefined,
      Table: "yes",
      WorkerFunction: "no",
    });
    expect(countChanges(summary)).toEqual({ add: 1, modify: 3, remove: 1, replace: 2 });
  });

  it("treats a change without a replacement field (moto) as not replacing", () => {
    const [c] = summarizeChanges([{ Type: "Resource", ResourceChange: { Action: "Modify", LogicalResourceId: "F", ResourceType: "AWS::Lambda::Function" } }]);
    expect(c).toEqual({ action: "modify", logicalId: "F", resourceType: "AWS::Lambda::Function", replacement: "no", changed: [] });
  });
});

describe("isNoChangeReason", () => {
  it("recognises CloudFormation's no-change reasons only", () => {
    expect(isNoChangeReason("The submitted information didn't contain changes. Submit different information to create a change set.")).toBe(true);
    expect(isNoChangeReason("No updates are to be performed.")).toBe(true);
    expect(isNoChangeReason("Template format error: Unresolved resource dependencies [X]")).toBe(false);
    expect(isNoChangeReason(undefined)).toBe(false);
  });
});

describe("summarizeChanges with property values (IncludePropertyValues)", () => {
  it("keeps each property path with its value before and after, bounded per resource", () => {
    const details = Array.from({ length: 30 }, (_, i) => ({
      Target: { Attribute: "Properties" as const, Name: "Environment", Path: `/Properties/Environment/Variables/V${String(i).padStart(2, "0")}`, BeforeValue: "a", AfterValue: "b".repeat(i === 0 ? 1000 : 1) },
    }));
    const [memory] = summarizeChanges([
      {
        Type: "Resource",
        ResourceChange: {
          Action: "Modify",
          LogicalResourceId: "WorkerFunction",
          ResourceType: "AWS::Lambda::Function",
          Replacement: "False",
          Details: [{ Target: { Attribute: "Properties", Name: "MemorySize", Path: "/Properties/MemorySize", BeforeValue: "256", AfterValue: "512" } }, ...details],
        },
      },
    ]);
    expect(memory.changed).toEqual(["Environment", "MemorySize"]);
    expect(memory.values).toHaveLength(20);
    expect(memory.values).toContainEqual({ path: "/Properties/MemorySize", before: "256", after: "512" });
    expect(memory.values?.find((v) => v.path.endsWith("V00"))?.after).toHaveLength(301);
  });
});
