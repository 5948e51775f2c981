// Automatic left-to-right layout of the canvas graph (event sources on the left, what functions reach on the right).
import dagre from "@dagrejs/dagre";
import type { GraphEdge, GraphNode } from "./graph";

export const NODE_WIDTH = 190;
const BASE_HEIGHT = 56;
const NOTE_HEIGHT = 16;

export const nodeHeight = (node: GraphNode) => BASE_HEIGHT + node.notes.length * NOTE_HEIGHT;

export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 80, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: nodeHeight(n) });
  for (const e of edges) if (e.source !== e.target) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const p = g.node(n.id);
    out.set(n.id, { x: p.x - NODE_WIDTH / 2, y: p.y - nodeHeight(n) / 2 });
  }
  return out;
}
