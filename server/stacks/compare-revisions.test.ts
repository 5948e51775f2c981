import { describe, expect, it } from "vitest";
import { comparePair, compareQuerySchema } from "./compare-revisions";

describe("comparePair", () => {
  const q = (query: Record<string, string>) => compareQuerySchema.parse(query);
  it("defaults to the latest revision and the one before it, in us-east-1", () => {
    expect(comparePair(q({}), [3, 2, 1])).toEqual({ from: 2, to: 3 });
    expect(q({ region: "mars-1" }).region).toBe("us-east-1");
  });
  it("takes any two existing revisions, in either order, and ignores unknown ones", () => {
    expect(comparePair(q({ from: "3", to: "1", region: "eu-west-1" }), [3, 2, 1])).toEqual({ from: 3, to: 1 });
    expect(comparePair(q({ from: "9", to: "x" }), [3, 2, 1])).toEqual({ from: 2, to: 3 });
    expect(comparePair(q({}), [1])).toBeNull();
  });
});
