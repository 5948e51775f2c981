import { describe, expect, it } from "vitest";
import { findCycles, resourceGraph, stronglyConnectedComponents } from "./template-graph";

describe("resourceGraph", () => {
  it("links resources through Ref, GetAtt, Sub and DependsOn, ignoring parameters and self", () => {
    const graph = resourceGraph({
      Fn: { Type: "T", DependsOn: "Log", Properties: { Role: { "Fn::GetAtt": ["Role", "Arn"] }, B: { Ref: "Param" } } },
      Role: { Type: "T", Properties: { Name: { "Fn::Sub": "${Log}-${Role}" } } },
      Log: { Type: "T" },
    });
    expect(graph.ids).toEqual(["Fn", "Log", "Role"]);
    expect(Object.fromEntries(graph.dependencies)).toEqual({ Fn: ["Log", "Role"], Log: [], Role: ["Log"] });
    expect(Object.fromEntries(graph.dependents)).toEqual({ Fn: [], Log: ["Fn", "Role"], Role: ["Fn"] });
  });
});

describe("stronglyConnectedComponents", () => {
  it("finds circles and returns components dependencies first", () => {
    const edges: Record<string, string[]> = { a: ["b"], b: ["c"], c: ["a", "d"], d: [], e: ["d"] };
    expect(stronglyConnectedComponents(["a", "b", "c", "d", "e"], (n) => edges[n])).toEqual([["d"], ["a", "b", "c"], ["e"]]);
  });

  it("handles long chains without recursion", () => {
    const n = 50_000;
    const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
    const components = stronglyConnectedComponents(nodes, (x) => {
      const i = Number(x.slice(1));
      return i + 1 < n ? [`n${i + 1}`] : [];
    });
    expect(components).toHaveLength(n);
    expect(components[0]).toEqual([`n${n - 1}`]);
  });
});

describe("findCycles", () => {
  it("returns one shortest circle per group of mutually dependent resources", () => {
    const graph = resourceGraph({
      A: { Type: "T", Properties: { X: { Ref: "B" } } },
      B: { Type: "T", Properties: { X: { Ref: "C" }, Y: { Ref: "A" } } },
      C: { Type: "T", DependsOn: ["A"] },
      D: { Type: "T", Properties: { X: { Ref: "E" } } },
      E: { Type: "T", DependsOn: "D" },
      F: { Type: "T", Properties: { X: { Ref: "A" } } },
    });
    expect(findCycles(graph)).toEqual([
      ["A", "B"],
      ["D", "E"],
    ]);
    expect(findCycles(resourceGraph({ A: { Type: "T" }, B: { Type: "T", DependsOn: "A" } }))).toEqual([]);
  });
});
