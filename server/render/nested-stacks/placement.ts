import { stronglyConnectedComponents, type ResourceGraph } from "@/server/validate/template-graph";
import type { Owner } from "./ownership";

// From function groups to nested stacks. Groups that depend on each other in a circle become one
// unit (they must share a stack); groups caught in a circle with parent resources stay in the
// parent. Units then go to stacks by a hash of their name, so a unit keeps its stack while others
// come and go, and stacks that would depend on each other in a circle are pulled apart.

/** Function groups placed together; keyed by the first function's logical id. */
export type Units = Map<string, string[]>;

const groupNode = (group: string) => `group:${group}`;
const stackNode = (stack: number) => `stack:${stack}`;

/** Merges mutually dependent groups into units; returns the units and the resources left in the parent. */
export function formUnits(graph: ResourceGraph, owners: ReadonlyMap<string, Owner>): { units: Units; parent: string[] } {
  const nodeOf = new Map<string, string>();
  for (const id of graph.ids) {
    const owner = owners.get(id);
    nodeOf.set(id, owner ? groupNode(owner) : id);
  }
  const edges = new Map<string, Set<string>>();
  for (const id of graph.ids) {
    const from = nodeOf.get(id)!;
    let out = edges.get(from);
    if (!out) edges.set(from, (out = new Set()));
    for (const dep of graph.dependencies.get(id)!) {
      const to = nodeOf.get(dep)!;
      if (to !== from) out.add(to);
    }
  }
  const sortedEdges = new Map([...edges].map(([k, v]) => [k, [...v].sort()]));
  const unitOfGroup = new Map<string, string | null>();
  for (const component of stronglyConnectedComponents([...sortedEdges.keys()].sort(), (n) => sortedEdges.get(n) ?? [])) {
    const groups = component.filter((n) => n.startsWith("group:")).map((n) => n.slice("group:".length));
    if (groups.length === 0) continue;
    const staysInParent = groups.length < component.length;
    for (const g of groups) unitOfGroup.set(g, staysInParent ? null : groups[0]);
  }
  const units: Units = new Map();
  const parent: string[] = [];
  for (const id of graph.ids) {
    const owner = owners.get(id);
    const unit = owner ? unitOfGroup.get(owner) : null;
    if (!unit) {
      parent.push(id);
      continue;
    }
    if (!units.has(unit)) units.set(unit, []);
    units.get(unit)!.push(id);
  }
  return { units, parent };
}

/** FNV-1a: a fixed, fast string hash, so a unit's bucket depends only on its name. */
function hashToBucket(name: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/**
 * Stack index per unit, with `bucketCount` hash buckets; a unit that would close a circle between
 * stacks moves to a stack of its own (numbered from `bucketCount` up), until no circle is left.
 * Undefined if a circle remains that moving units cannot break.
 */
export function placeUnits(units: Units, graph: ResourceGraph, bucketCount: number): Map<string, number> | undefined {
  const placement = new Map<string, number>();
  for (const unit of [...units.keys()].sort()) placement.set(unit, hashToBucket(unit, bucketCount));
  const unitOf = new Map<string, string>();
  for (const [unit, ids] of units) for (const id of ids) unitOf.set(id, unit);

  // Dependencies at unit level, computed once: unit or parent resource -> units and parent resources.
  const unitNode = (unit: string) => `unit:${unit}`;
  const levelOf = new Map<string, string>();
  for (const id of graph.ids) {
    const unit = unitOf.get(id);
    levelOf.set(id, unit === undefined ? id : unitNode(unit));
  }
  const unitEdges = new Map<string, Set<string>>();
  for (const id of graph.ids) {
    const from = levelOf.get(id)!;
    let out = unitEdges.get(from);
    if (!out) unitEdges.set(from, (out = new Set()));
    for (const dep of graph.dependencies.get(id)!) {
      const to = levelOf.get(dep)!;
      if (to !== from) out.add(to);
    }
  }

  let nextStack = bucketCount;
  for (;;) {
    const toStack = (n: string) => (n.startsWith("unit:") ? stackNode(placement.get(n.slice(5))!) : n);
    const edges = new Map<string, Set<string>>();
    for (const [from, targets] of unitEdges) {
      const source = toStack(from);
      let out = edges.get(source);
      if (!out) edges.set(source, (out = new Set()));
      for (const t of targets) {
        const target = toStack(t);
        if (target !== source) out.add(target);
      }
    }
    const sorted = new Map([...edges].map(([k, v]) => [k, [...v].sort()]));
    const cycle = stronglyConnectedComponents([...sorted.keys()].sort(), (n) => sorted.get(n) ?? []).find(
      (c) => c.length > 1,
    );
    if (!cycle) return placement;
    const members = new Set(cycle);
    const mover = [...placement.keys()]
      .filter((unit) => {
        const stack = stackNode(placement.get(unit)!);
        if (!members.has(stack)) return false;
        const shared = [...placement.values()].filter((s) => stackNode(s) === stack).length > 1;
        return shared && [...unitEdges.get(unitNode(unit))!].some((t) => members.has(toStack(t)) && toStack(t) !== stack);
      })
      .sort()[0];
    // formUnits merged mutually dependent groups, so a circle runs through a stack holding two or
    // more units; if none does, stop rather than loop.
    if (mover === undefined) return undefined;
    placement.set(mover, nextStack++);
  }
}
