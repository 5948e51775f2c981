import type { StackEvent } from "@aws-sdk/client-cloudformation";
import { describe, expect, it } from "vitest";
import { failureMessage, firstFailure, type RecordedEvent } from "@/lib/deploy/failure";
import { eventsUntil, operationOutcome, timelineEvent } from "./stack-events";

const ev = (id: string, logicalId: string, status: string, reason?: string, type = "AWS::Lambda::Function"): StackEvent => ({
  EventId: id,
  StackId: "arn:aws:cloudformation:eu-west-1:1:stack/shop-dev/x",
  StackName: "shop-dev",
  LogicalResourceId: logicalId,
  ResourceType: type,
  ResourceStatus: status as StackEvent["ResourceStatus"],
  ResourceStatusReason: reason,
  Timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, Number(id.replace(/\D/g, "")))),
});

describe("eventsUntil", () => {
  // Newest first, as DescribeStackEvents returns them.
  const page = [ev("e5", "shop-dev", "UPDATE_COMPLETE", undefined, "AWS::CloudFormation::Stack"), ev("e4", "F", "UPDATE_COMPLETE"), ev("e3", "F", "UPDATE_IN_PROGRESS"), ev("e2", "shop-dev", "UPDATE_IN_PROGRESS", "User Initiated", "AWS::CloudFormation::Stack"), ev("e1", "shop-dev", "CREATE_COMPLETE", undefined, "AWS::CloudFormation::Stack")];

  it("returns the operation's events oldest first, stopping at the baseline", () => {
    const { events, reachedStop } = eventsUntil(page, new Set(["e1"]));
    expect(events.map((e) => e.EventId)).toEqual(["e2", "e3", "e4", "e5"]);
    expect(reachedStop).toBe(true);
  });

  it("returns nothing new when the newest event is already stored, and asks for more pages when no stop event shows up", () => {
    expect(eventsUntil(page, new Set(["e5", "e1"]))).toEqual({ events: [], reachedStop: true });
    expect(eventsUntil(page.slice(0, 2), new Set(["e1"])).reachedStop).toBe(false);
  });

  it("stops at the first event older than notBefore: a nested stack's events of earlier operations", () => {
    expect(eventsUntil(page, new Set(), new Date(Date.UTC(2026, 0, 1, 0, 0, 3)))).toEqual({ events: [page[2], page[1], page[0]], reachedStop: true });
  });

  it("marks an event read from a nested stack with that stack, and leaves the root's unmarked", () => {
    expect(timelineEvent(page[1], { logicalId: "NestedStack0", stackId: "arn:n0" }).data).toEqual({ eventId: "e4", nestedStack: "NestedStack0", nestedStackId: "arn:n0" });
    expect(timelineEvent(page[1]).data).toEqual({ eventId: "e4" });
  });

  it("keys timeline rows by CloudFormation's EventId, so the same event is stored once", () => {
    expect(timelineEvent(page[1])).toMatchObject({ kind: "resource", eventKey: "cfn:e4", logicalId: "F", status: "UPDATE_COMPLETE" });
    expect(timelineEvent(page[1]).eventKey).toBe(timelineEvent({ ...page[1] }).eventKey);
  });
});

describe("firstFailure", () => {
  const row = (logicalId: string, status: string, reason: string | null, resourceType = "AWS::Lambda::Function"): RecordedEvent => ({ logicalId, resourceType, status, reason });

  it("names the first resource that failed, not the ones CloudFormation cancelled because of it", () => {
    const events = [
      row("shop-dev", "CREATE_IN_PROGRESS", "User Initiated", "AWS::CloudFormation::Stack"),
      row("Queue", "CREATE_FAILED", "Resource creation cancelled", "AWS::SQS::Queue"),
      row("WorkerFunction", "CREATE_FAILED", "Resource handler returned message: \"Memory size 99999 is not valid\""),
      row("shop-dev", "ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [WorkerFunction, Queue].", "AWS::CloudFormation::Stack"),
    ];
    expect(firstFailure(events)?.logicalId).toBe("WorkerFunction");
    expect(failureMessage(firstFailure(events), "ROLLBACK_COMPLETE")).toBe(
      'WorkerFunction (AWS::Lambda::Function) failed: Resource handler returned message: "Memory size 99999 is not valid"',
    );
  });

  it("falls back to the stack's own failure, then to the stack status", () => {
    const stackOnly = [row("shop-dev", "UPDATE_ROLLBACK_FAILED", "Role is invalid", "AWS::CloudFormation::Stack")];
    expect(failureMessage(firstFailure(stackOnly), "UPDATE_ROLLBACK_FAILED")).toBe("The stack shop-dev failed: Role is invalid");
    expect(failureMessage(firstFailure([]), "ROLLBACK_COMPLETE")).toBe("The stack ended in ROLLBACK_COMPLETE.");
  });
});

describe("operationOutcome", () => {
  const state = (stackStatus: string | undefined, own: string[], cancelRequested = false) => ({ stackStatus, ownStackStatuses: own, cancelRequested });

  it("waits while the stack still shows the previous operation's final status", () => {
    expect(operationOutcome("deploy", state("UPDATE_COMPLETE", []))).toBeUndefined();
    expect(operationOutcome("deploy", state("UPDATE_IN_PROGRESS", ["UPDATE_IN_PROGRESS"]))).toBeUndefined();
    expect(operationOutcome("destroy", state("CREATE_COMPLETE", []))).toBeUndefined();
  });

  it("maps the stack's final status once this operation's events reach it", () => {
    expect(operationOutcome("deploy", state("CREATE_COMPLETE", ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"]))).toBe("succeeded");
    expect(operationOutcome("deploy", state("ROLLBACK_COMPLETE", ["ROLLBACK_COMPLETE"]))).toBe("rolled_back");
    expect(operationOutcome("deploy", state("UPDATE_ROLLBACK_COMPLETE", ["UPDATE_ROLLBACK_COMPLETE"]))).toBe("rolled_back");
    expect(operationOutcome("deploy", state("UPDATE_ROLLBACK_COMPLETE", ["UPDATE_ROLLBACK_COMPLETE"], true))).toBe("cancelled");
    expect(operationOutcome("deploy", state("UPDATE_ROLLBACK_FAILED", ["UPDATE_ROLLBACK_FAILED"]))).toBe("failed");
  });

  it("ends a deletion when the stack is gone or deleted, and a deploy whose stack vanished as failed", () => {
    expect(operationOutcome("destroy", state(undefined, []))).toBe("succeeded");
    expect(operationOutcome("destroy", state("DELETE_COMPLETE", ["DELETE_IN_PROGRESS", "DELETE_COMPLETE"]))).toBe("succeeded");
    expect(operationOutcome("destroy", state("DELETE_FAILED", ["DELETE_FAILED"]))).toBe("failed");
    expect(operationOutcome("deploy", state(undefined, []))).toBe("failed");
  });
});
