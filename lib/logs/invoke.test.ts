import { describe, expect, it } from "vitest";
import { missingLogTailReason } from "./invoke";

describe("missingLogTailReason", () => {
  it("says what really happened for each invocation type", () => {
    expect(missingLogTailReason({ invocationType: "RequestResponse", logTail: null, statusCode: 200 })).toMatch(/^No log tail: the function ran, but the endpoint returned no log/);
    expect(missingLogTailReason({ invocationType: "Event", logTail: null, statusCode: 202 })).toMatch(/^No log tail: an Event invocation is queued \(accepted, 202\)/);
    expect(missingLogTailReason({ invocationType: "DryRun", logTail: null, statusCode: 204 })).toMatch(/^No log tail: a DryRun only checks/);
  });
  it("has nothing to explain when the tail is there", () => {
    expect(missingLogTailReason({ invocationType: "RequestResponse", logTail: "START RequestId: 1", statusCode: 200 })).toBeNull();
  });
});
