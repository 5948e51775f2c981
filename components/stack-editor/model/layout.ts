// Automatic left-to-right layout of the canvas graph: event sources on the left, functions next, what
// functions reach (destinations, grants) on the right. A layered layout in linear time: dagre took
// seconds on a 100-function stack (201 nodes), far past the editor's 2 s budget.
import type { CanvasPoint, CanvasPositions } from "@/lib/canvas/positions";
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

interface Span {
  top: number;
  bottom: number;
}

/** Index of the first of the ascending `xs` above `x`. */
function firstAbove(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Spans sorted by top, overlapping ones joined: tops and bottoms then both ascend. */
function joined(spans: Span[]): Span[] {
  spans.sort((a, b) => a.top - b.top);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.top <= last.bottom) last.bottom = Math.max(last.bottom, s.bottom);
    else out.push({ ...s });
  }
  return out;
}

/**
 * Stored positions first; every other node gets its place in the automatic `layout`, moved down its
 * column just far enough to keep ROW_GAP clear of the nodes placed by hand (and below the node above
 * it, so the column keeps its order). Placed nodes are not moved: the person put them there.
 * O(n log n): each placed node is sorted into the (at most two) columns it reaches across.
 */
export function placeNodes(nodes: readonly GraphNode[], positions: CanvasPositions, layout: ReadonlyMap<string, CanvasPoint>): Map<string, CanvasPoint> {
  const out = new Map<string, CanvasPoint>();
  const columns = new Map<number, GraphNode[]>();
  const placed: GraphNode[] = [];
  for (const n of nodes) {
    if (Object.hasOwn(positions, n.id)) {
      out.set(n.id, positions[n.id]);
      placed.push(n);
      continue;
    }
    const at = layout.get(n.id) ?? { x: MARGIN, y: MARGIN };
    out.set(n.id, at);
    const column = columns.get(at.x);
    if (column) column.push(n);
    else columns.set(at.x, [n]);
  }
  if (placed.length === 0) return out;

  // A placed node blocks a column when they would overlap sideways or come closer than ROW_GAP.
  const xs = [...columns.keys()].sort((a, b) => a - b);
  const blocked: Span[][] = xs.map(() => []);
  for (const n of placed) {
    const p = out.get(n.id)!;
    const span = { top: p.y - ROW_GAP, bottom: p.y + nodeHeight(n) + ROW_GAP };
    for (let i = firstAbove(xs, p.x - NODE_WIDTH - ROW_GAP); i < xs.length && xs[i] < p.x + NODE_WIDTH + ROW_GAP; i++) blocked[i].push(span);
  }

  xs.forEach((x, i) => {
    const spans = joined(blocked[i]);
    const column = columns.get(x)!.map((n) => ({ n, y: out.get(n.id)!.y })).sort((a, b) => a.y - b.y);
    let next = 0;
    let below = -Infinity;
    for (const { n, y: wanted } of column) {
      const height = nodeHeight(n);
      let y = Math.max(wanted, below);
      while (next < spans.length && spans[next].bottom <= y) next++;
      while (next < spans.length && spans[next].top < y + height) y = spans[next++].bottom;
      out.set(n.id, { x, y });
      below = y + height + ROW_GAP;
    }
  });
  return out;
}
