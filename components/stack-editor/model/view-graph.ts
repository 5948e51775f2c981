// The graph as the canvas shows it: the members of a collapsed group folded into its hub (their edges
// drawn from or to the hub, one per end and kind); in an open group, the hub's triggers are also lines
// on the functions they trigger, so their edges can be drawn faint; edges between the same two nodes
// fanned apart. Pure.
import type { GraphEdge, GraphNode } from "./graph";
import type { NodeGroup } from "./layout";

export interface ViewEdge extends GraphEdge {
  /** How many edges of the definition this one stands for: more than one when a collapsed group folded them. */
  folded: number;
  /** A trigger from an open group's hub to a member: the group's outline and the member's line show it, the edge is drawn faint. */
  framed: boolean;
}

export interface ViewGraph {
  nodes: GraphNode[];
  edges: ViewEdge[];
  /** Groups with only their shown members (a collapsed one keeps its hub). */
  groups: NodeGroup[];
  /** Hub -> how many members its collapsed group hides. */
  hidden: Map<string, number>;
}

export function foldGroups(graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }, groups: readonly NodeGroup[], collapsed: ReadonlySet<string>): ViewGraph {
  const into = new Map<string, string>();
  const hidden = new Map<string, number>();
  for (const g of groups) {
    if (!collapsed.has(g.id)) continue;
    for (const m of g.members.slice(1)) into.set(m, g.id);
    hidden.set(g.id, g.members.length - 1);
  }
  const hubOf = new Map<string, string>();
  for (const g of groups) if (!collapsed.has(g.id)) for (const m of g.members.slice(1)) hubOf.set(m, g.id);
  const notes = new Map<string, string[]>();
  const edges: ViewEdge[] = [];
  const folded = new Map<string, ViewEdge>();
  for (const e of graph.edges) {
    const source = into.get(e.source) ?? e.source;
    const target = into.get(e.target) ?? e.target;
    if (e.kind === "trigger" && hubOf.get(e.target) === e.source) {
      notes.set(e.target, [...(notes.get(e.target) ?? []), e.label]);
      edges.push({ ...e, folded: 1, framed: true });
      continue;
    }
    if (source === e.source && target === e.target) {
      edges.push({ ...e, folded: 1, framed: false });
      continue;
    }
    if (source === target) continue;
    const key = `${e.kind}:${source}>${target}`;
    const seen = folded.get(key);
    if (seen) {
      seen.folded++;
      seen.label = `${seen.folded} ${e.kind} edges`;
      continue;
    }
    const edge = { ...e, id: `folded:${key}`, source, target, folded: 1, framed: false };
    folded.set(key, edge);
    edges.push(edge);
  }
  return {
    nodes: graph.nodes.flatMap((n) => (into.has(n.id) ? [] : notes.has(n.id) ? [{ ...n, notes: [...notes.get(n.id)!, ...n.notes] }] : [n])),
    edges,
    groups: groups.map((g) => (collapsed.has(g.id) ? { id: g.id, members: [g.id] } : g)),
    hidden,
  };
}

/** Edge id -> its place among the edges joining the same two nodes, centred on 0 (-0.5 and 0.5 for two). */
export function parallelOffsets(edges: readonly GraphEdge[]): Map<string, number> {
  const pairs = new Map<string, string[]>();
  for (const e of edges) {
    const key = [e.source, e.target].sort().join("\u0000");
    pairs.set(key, [...(pairs.get(key) ?? []), e.id]);
  }
  const out = new Map<string, number>();
  for (const ids of pairs.values()) ids.forEach((id, i) => out.set(id, i - (ids.length - 1) / 2));
  return out;
}
