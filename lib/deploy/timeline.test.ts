import { describe, expect, it } from "vitest";
import { detailsOf, failingResource, formatDuration, isRollingBack, mergeEvents, progress, resourceRows, rowDuration, type StreamedEvent } from "./timeline";

let nextId = 1;
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
function ev(seconds: number, logicalId: string, status: string, reason: string | null = null, resourceType = "AWS::Lambda::Function"): StreamedEvent {
  return { id: String(nextId++), at: at(seconds), kind: "resource", logicalId, resourceType, status, reason, data: null };
}
const STACK = "AWS::CloudFormation::Stack";

describe("mergeEvents", () => {
  it("keeps each id once and orders by numeric id, so a replay after a reconnect adds nothing", () => {
    const a = { ...ev(0, "x", "CREATE_IN_PROGRESS"), id: "9" };
    const b = { ...ev(1, "x", "CREATE_COMPLETE"), id: "10" };
    const merged = mergeEvents([b], [a, b, a]);
    expect(merged.map((e) => e.id)).toEqual(["9", "10"]);
    expect(mergeEvents(merged, [a, b])).toBe(merged);
  });
});

describe("resourceRows", () => {
  it("gives one row per resource with its latest status, newest reason and when it settled; the stack first", () => {
    const events = [
      ev(0, "shop-dev", "CREATE_IN_PROGRESS", "User Initiated", STACK),
      ev(1, "Fn", "CREATE_IN_PROGRESS"),
      ev(2, "Fn", "CREATE_IN_PROGRESS", "Resource creation Initiated"),
      ev(5, "Fn", "CREATE_COMPLETE"),
      ev(6, "Queue", "CREATE_IN_PROGRESS", null, "AWS::SQS::Queue"),
    ];
    const rows = resourceRows(events);
    expect(rows.map((r) => [r.logicalId, r.status, r.reason, r.endedAt !== null])).toEqual([
      ["shop-dev", "CREATE_IN_PROGRESS", "User Initiated", false],
      ["Fn", "CREATE_COMPLETE", "Resource creation Initiated", true],
      ["Queue", "CREATE_IN_PROGRESS", null, false],
    ]);
    expect(rowDuration(rows[1], Date.parse(at(100)))).toBe(4000);
    expect(rowDuration(rows[2], Date.parse(at(10)))).toBe(4000);
  });

  it("gives a nested stack's resources rows of their own, saying which nested stack; only the root stack's row goes first", () => {
    const nested = (e: StreamedEvent, nestedStack: string): StreamedEvent => ({ ...e, data: { eventId: e.id, nestedStack } });
    const rows = resourceRows([
      ev(0, "shop-dev", "UPDATE_IN_PROGRESS", null, STACK),
      ev(1, "NestedStack0", "UPDATE_IN_PROGRESS", null, STACK),
      nested(ev(2, "Fn", "UPDATE_COMPLETE"), "NestedStack0"),
      ev(2, "Fn", "UPDATE_IN_PROGRESS"),
      nested(ev(3, "shop-dev-NestedStack0-X", "UPDATE_COMPLETE", null, STACK), "NestedStack0"),
    ]);
    expect(rows.map((r) => [r.key, r.logicalId, r.nestedStack, r.status])).toEqual([
      ["shop-dev", "shop-dev", null, "UPDATE_IN_PROGRESS"],
      ["NestedStack0", "NestedStack0", null, "UPDATE_IN_PROGRESS"],
      ["NestedStack0/Fn", "Fn", "NestedStack0", "UPDATE_COMPLETE"],
      ["Fn", "Fn", null, "UPDATE_IN_PROGRESS"],
      ["NestedStack0/shop-dev-NestedStack0-X", "shop-dev-NestedStack0-X", "NestedStack0", "UPDATE_COMPLETE"],
    ]);
  });

  it("ignores pipeline events that are not CloudFormation resource events", () => {
    expect(resourceRows([{ ...ev(0, "worker", "PACKAGED"), kind: "package" }])).toEqual([]);
  });
});

describe("failingResource and isRollingBack", () => {
  it("name the first resource that failed for a reason of its own, even once the rollback moved its row on", () => {
    const events = [
      ev(0, "shop-fail", "CREATE_IN_PROGRESS", null, STACK),
      ev(1, "Fn", "CREATE_FAILED", "Access Denied"),
      ev(1, "Queue", "CREATE_FAILED", "Resource creation cancelled", "AWS::SQS::Queue"),
    ];
    expect(isRollingBack(events)).toBe(false);
    events.push(ev(2, "shop-fail", "ROLLBACK_IN_PROGRESS", "The following resource(s) failed", STACK), ev(3, "Fn", "DELETE_COMPLETE"));
    expect(failingResource(events)).toMatchObject({ logicalId: "Fn", reason: "Access Denied" });
    expect(isRollingBack(events)).toBe(true);
    expect(resourceRows(events).find((r) => r.logicalId === "Fn")?.status).toBe("DELETE_COMPLETE");
  });
});

describe("progress", () => {
  it("moves through the pipeline's phases, then fills with the settled share of the change set, and is full at the end", () => {
    const rows = resourceRows([ev(0, "A", "CREATE_COMPLETE"), ev(0, "B", "CREATE_IN_PROGRESS")]);
    expect(progress({ status: "packaging", operation: "deploy", changedResources: 4 }, rows)).toBeCloseTo(0.1);
    const half = progress({ status: "executing", operation: "deploy", changedResources: 2 }, rows);
    expect(half).toBeGreaterThan(0.4);
    expect(half).toBeLessThan(1);
    expect(progress({ status: "executing", operation: "deploy", changedResources: 0 }, rows)).toBeCloseTo(0.4);
    expect(progress({ status: "rolled_back", operation: "deploy", changedResources: 2 }, rows)).toBe(1);
  });
});

describe("formatDuration", () => {
  it("says seconds, minutes or hours", () => {
    expect(formatDuration(4200)).toBe("4.2 s");
    expect(formatDuration(65_000)).toBe("1 min 05 s");
    expect(formatDuration(3_720_000)).toBe("1 h 02 min");
  });
});

describe("detailsOf", () => {
  it("reads the raw error text an event carries, and nothing else", () => {
    expect(detailsOf({ details: "SyntaxError: Unexpected token '<'" })).toBe("SyntaxError: Unexpected token '<'");
    expect(detailsOf({ details: "" })).toBeNull();
    expect(detailsOf({ details: 3 })).toBeNull();
    expect(detailsOf(null)).toBeNull();
  });
});
