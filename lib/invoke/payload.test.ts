import { describe, expect, it } from "vitest";
import { payloadProblem } from "./payload";

describe("payloadProblem", () => {
  it("accepts JSON within the quota", () => {
    expect(payloadProblem('{"a":1}')).toBeNull();
    expect(payloadProblem("[]", "Event")).toBeNull();
  });
  it("names a JSON syntax error", () => {
    expect(payloadProblem('{"a":')).toMatch(/^The payload is not valid JSON: /);
  });
  it("applies the smaller quota to asynchronous invocations", () => {
    const big = JSON.stringify("x".repeat(2 * 1024 * 1024));
    expect(payloadProblem(big, "RequestResponse")).toBeNull();
    expect(payloadProblem(big, "Event")).toBe("The payload is 2,097,154 bytes; Event invocations accept at most 1,048,576.");
  });
});
