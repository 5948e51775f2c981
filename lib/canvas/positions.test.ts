import { describe, expect, it } from "vitest";
import { movedNodes } from "./positions";

describe("movedNodes", () => {
  it("names the nodes whose position changed, sorted", () => {
    expect(movedNodes({ b: { x: 1, y: 2 }, a: { x: 0, y: 0 }, c: { x: 5, y: 5 } }, { b: { x: 1, y: 3 }, a: { x: 4, y: 0 }, c: { x: 5, y: 5 } })).toEqual(["a", "b"]);
  });

  it("counts a node placed by hand on one side only (the other is the automatic layout)", () => {
    expect(movedNodes({}, { api: { x: 10, y: 20 } })).toEqual(["api"]);
    expect(movedNodes({ api: { x: 10, y: 20 } }, {})).toEqual(["api"]);
  });

  it("is empty for the same positions in another key order", () => {
    expect(movedNodes({ a: { x: 1, y: 1 }, b: { x: 2, y: 2 } }, { b: { x: 2, y: 2 }, a: { x: 1, y: 1 } })).toEqual([]);
  });
});
