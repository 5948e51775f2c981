import { describe, expect, it } from "vitest";
import { followPoint, inTimeOrder, nestedStacksIn, nestedStacksTouched } from "./nested-stack-events";
import type { TimelineEvent } from "./stack-events";

const STACK = "AWS::CloudFormation::Stack";
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe("followPoint", () => {
  it("resumes the root after its newest event and each nested stack after its own, from the root's first event of the operation", () => {
    const point = followPoint([
      { eventKey: "cfn:r1", at: at(1), data: { eventId: "r1" } },
      { eventKey: "cfn:a1", at: at(2), data: { eventId: "a1", nestedStack: "NestedStack0" } },
      { eventKey: "cfn:r2", at: at(3), data: { eventId: "r2" } },
      { eventKey: "cfn:b1", at: at(3), data: { eventId: "b1", nestedStack: "NestedStack1" } },
      { eventKey: "cfn:a2", at: at(4), data: { eventId: "a2", nestedStack: "NestedStack0" } },
    ]);
    expect(point).toEqual({ rootStop: "r2", since: at(1), nestedStops: new Map([["NestedStack0", "a2"], ["NestedStack1", "b1"]]) });
  });

  it("has nothing to resume from before the root has events", () => {
    expect(followPoint([])).toEqual({ rootStop: null, since: null, nestedStops: new Map() });
  });
});

describe("nestedStacksTouched and nestedStacksIn", () => {
  const root = (logicalId: string, physicalId?: string, resourceType = STACK, nestedStack?: string) => ({
    logicalId,
    resourceType,
    data: { eventId: "x", ...(physicalId ? { physicalId } : {}), ...(nestedStack ? { nestedStack } : {}) },
  });

  it("finds the nested stacks the root's events touch, by the stack id they carry, skipping the root itself, ones not started yet and nested stacks' own events", () => {
    const events = [
      root("app-dev", "arn:root"),
      root("NestedStack0"),
      root("NestedStack1"),
      root("NestedStack0", "arn:n0"),
      root("Queue", "https://sqs/q", "AWS::SQS::Queue"),
      root("app-dev-NestedStack2-X", "arn:n2", STACK, "NestedStack2"),
    ];
    expect(nestedStacksTouched("app-dev", events)).toEqual([{ logicalId: "NestedStack0", stackId: "arn:n0" }]);
  });

  it("lists the nested stacks among the root's resources that have a stack id", () => {
    const resource = (LogicalResourceId: string, ResourceType: string, PhysicalResourceId?: string) => ({
      LogicalResourceId,
      ResourceType,
      PhysicalResourceId,
      ResourceStatus: "CREATE_COMPLETE" as const,
      LastUpdatedTimestamp: at(0),
    });
    const listed = [resource("NestedStack0", STACK, "app-dev-NestedStack0-Y"), resource("NestedStack1", STACK), resource("Queue", "AWS::SQS::Queue", "q")];
    expect(nestedStacksIn(listed)).toEqual([{ logicalId: "NestedStack0", stackId: "app-dev-NestedStack0-Y" }]);
  });
});

describe("inTimeOrder", () => {
  it("orders a batch by time, keeping the given order for events of the same instant", () => {
    const e = (eventKey: string, s: number): TimelineEvent => ({ kind: "resource", eventKey, at: at(s) });
    expect(inTimeOrder([e("r1", 1), e("r2", 5), e("n1", 2), e("n2", 5)]).map((x) => x.eventKey)).toEqual(["r1", "n1", "r2", "n2"]);
  });
});
