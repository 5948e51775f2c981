import { describe, expect, it } from "vitest";
import { locatePath } from "./locate";

const source = `resources:
  api:
    type: http-api-gateway
  fn:
    type: function
    properties:
      events:
        - type: sqs
          properties:
            queueArn: arn:aws:sqs:us-east-1:123456789012:q
`;

describe("locatePath", () => {
  it("finds a map entry's key by default and its value on request", () => {
    expect(locatePath(source, ["resources", "api", "type"])).toEqual({ line: 3, column: 5 });
    expect(locatePath(source, ["resources", "api", "type"], "value")).toEqual({ line: 3, column: 11 });
  });

  it("walks sequences by index", () => {
    expect(locatePath(source, ["resources", "fn", "properties", "events", 0])).toEqual({ line: 8, column: 11 });
    expect(locatePath(source, ["resources", "fn", "properties", "events", 0, "properties", "queueArn"])).toEqual({ line: 10, column: 13 });
  });

  it("falls back to the nearest existing ancestor", () => {
    expect(locatePath(source, ["resources", "fn", "properties", "memory"])).toEqual({ line: 6, column: 5 });
    expect(locatePath(source, ["resources", "fn", "properties", "events", 5, "type"])).toEqual({ line: 7, column: 7 });
  });

  it("locates the root for an empty path", () => {
    expect(locatePath(source, [])).toEqual({ line: 1, column: 1 });
  });
});
