import { describe, expect, it } from "vitest";
import { nestedStackOf } from "./nested-stack";

describe("nestedStackOf", () => {
  it("reads the nested stack an event came from, and null for the root's events or anything else", () => {
    expect(nestedStackOf({ eventId: "e", nestedStack: "NestedStack0", nestedStackId: "arn:n0" })).toBe("NestedStack0");
    expect(nestedStackOf({ eventId: "e" })).toBeNull();
    expect(nestedStackOf({ nestedStack: "" })).toBeNull();
    expect(nestedStackOf({ nestedStack: 3 })).toBeNull();
    expect(nestedStackOf(null)).toBeNull();
    expect(nestedStackOf("NestedStack0")).toBeNull();
  });
});
