// Automatic left-to-right layout of the canvas graph: event sources on the left, functions next, what
// functions reach (destinations, grants) on the right. A layered layout in linear time: dagre took
// seconds on a 100-function stack (201 nodes), far past the editor's 2 s budget.
import type { GraphEdge, GraphNode } from "./graph";

export const NODE_WIDTH = 190;
const BASE_HEIGHT = 56;
const NOTE_HEIGHT = 16;
const COLUMN_GAP = 90;
const ROW_GAP = 18;
const MARGIN = 16;

export const nodeHeight = (node: GraphNode) => BASE_HEIGHT + node.notes.length * NOTE_HEIGHT;

/** Rank = longest path from a node without incoming edges (Kahn's order; nodes on a cycle keep the rank reached so far). */
function ranks(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, number> {
  const incoming = new Map(nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (e.source === e.target || !incoming.has(e.target) || !out.has(e.source)) continue;
    incoming.set(e.target, incoming.get(e.target)! + 1);
    out.get(e.source)!.push(e.target);
  }
  const rank = new Map(nodes.map((n) => [n.id, 0]));
  const queue = nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i];
    for (const v of out.get(u)!) {
      rank.set(v, Math.max(rank.get(v)!, rank.get(u)! + 1));
      incoming.set(v, incoming.get(v)! - 1);
      if (incoming.get(v) === 0) queue.push(v);
    }
  }
  return rank;
}

export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, { x: number; y: number }> {
  const rank = ranks(nodes, edges);
  const columns: GraphNode[][] = [];
  for (const n of nodes) (columns[rank.get(n.id)!] ??= []).push(n);
  const preds = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) preds.get(e.target)?.push(e.source);

  const row = new Map<string, number>();
  const out = new Map<string, { x: number; y: number }>();
  columns.forEach((column, c) => {
    // Order each column by where its predecessors sit (barycenter), so edges mostly run straight.
    const key = (n: GraphNode, i: number) => {
      const placed = preds.get(n.id)!.filter((p) => row.has(p)).map((p) => row.get(p)!);
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Number.MAX_SAFE_INTEGER + i;
    };
    const ordered = (column ?? []).map((n, i) => ({ n, k: key(n, i), i })).sort((a, b) => a.k - b.k || a.i - b.i);
    let y = MARGIN;
    ordered.forEach(({ n }, i) => {
      row.set(n.id, i);
      out.set(n.id, { x: MARGIN + c * (NODE_WIDTH + COLUMN_GAP), y });
      y += nodeHeight(n) + ROW_GAP;
    });
  });
  return out;
}
