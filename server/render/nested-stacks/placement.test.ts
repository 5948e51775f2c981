import { describe, expect, it } from "vitest";
import { resourceGraph, stronglyConnectedComponents } from "@/server/validate/template-graph";
import type { Owner } from "./ownership";
import { formUnits, placeUnits } from "./placement";

/** A resource that refers to `targets`; only references matter for placement. */
const refers = (...targets: string[]) => ({ Type: "AWS::IAM::Role", Properties: { R: targets.map((t) => ({ Ref: t })) } });

describe("formUnits", () => {
  it("merges groups that depend on each other, without any resource-level circle", () => {
    const resources = { A1: refers("B2"), A2: refers(), B1: refers(), B2: refers("A2"), C1: refers("A1") };
    const owners = new Map<string, Owner>([["A1", "A"], ["A2", "A"], ["B1", "B"], ["B2", "B"], ["C1", "C"]]);
    const { units, parent } = formUnits(resourceGraph(resources), owners);
    expect([...units]).toEqual([
      ["A", ["A1", "A2", "B1", "B2"]],
      ["C", ["C1"]],
    ]);
    expect(parent).toEqual([]);
  });

  it("leaves a group in the parent when it is in a circle with parent resources", () => {
    const resources = { P: refers("A1"), A1: refers(), A2: refers("P"), B1: refers("P") };
    const owners = new Map<string, Owner>([["P", null], ["A1", "A"], ["A2", "A"], ["B1", "B"]]);
    const { units, parent } = formUnits(resourceGraph(resources), owners);
    expect([...units]).toEqual([["B", ["B1"]]]);
    expect(parent).toEqual(["A1", "A2", "P"]);
  });
});

describe("placeUnits", () => {
  it("moves a unit to a stack of its own when sharing a stack would close a circle through the parent", () => {
    const resources = { a: refers("p"), p: refers("b"), b: refers() };
    const graph = resourceGraph(resources);
    const units = new Map([["U1", ["a"]], ["U2", ["b"]]]);
    const placement = placeUnits(units, graph, 1)!;
    expect([...placement].sort()).toEqual([["U1", 1], ["U2", 0]]);
    const node = (id: string) => (id === "p" ? "p" : `stack${placement.get(id === "a" ? "U1" : "U2")}`);
    const edges = (n: string) => graph.ids.filter((id) => node(id) === n).flatMap((id) => graph.dependencies.get(id)!.map(node)).filter((m) => m !== n);
    expect(stronglyConnectedComponents(["stack0", "stack1", "p"], edges).every((c) => c.length === 1)).toBe(true);
  });

  it("spreads units over the buckets by name, the same way every time", () => {
    const resources = Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`r${i}`, refers()]));
    const units = new Map(Array.from({ length: 64 }, (_, i) => [`Fn${i}`, [`r${i}`]]));
    const first = placeUnits(units, resourceGraph(resources), 4)!;
    expect(placeUnits(units, resourceGraph(resources), 4)).toEqual(first);
    const perBucket = [0, 1, 2, 3].map((b) => [...first.values()].filter((s) => s === b).length);
    expect(perBucket.every((n) => n > 5)).toBe(true);
    expect(perBucket.reduce((a, b) => a + b)).toBe(64);
  });
});
