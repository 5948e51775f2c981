// Automatic left-to-right layout of the canvas graph: event sources on the left, functions next, what
// functions reach (destinations, grants) on the right. A layered layout in linear time: dagre took
// seconds on a 100-function stack (201 nodes), far past the editor's 2 s budget. Big stacks are
// grouped by the source that triggers their functions, and tall blocks are cut into bands side by
// side, so a 100-function stack is not one column thousands of pixels tall.
import type { CanvasPoint, CanvasPositions } from "@/lib/canvas/positions";
import type { GraphEdge, GraphNode, NodeKind } from "./graph";

export const NODE_WIDTH = 190;
const BASE_HEIGHT = 56;
const NOTE_HEIGHT = 16;
// Wide enough for an edge's label ("POST /orders/{id}") to sit between two columns, clear of both.
const COLUMN_GAP = 130;
const ROW_GAP = 18;
const MARGIN = 16;
/** Between the bands a tall block is cut into, and between blocks (room for a group's header). */
const BLOCK_GAP = 70;
/** A block is cut into bands until it is about this much wider than tall, like the canvas. */
const ASPECT = 1.4;
/** Blocks (groups) are packed left to right in shelves about this wide. */
const SHELF_WIDTH = 2400;
/** Past this many nodes the canvas groups functions by the API, bus or queue that triggers them. */
export const GROUP_THRESHOLD = 8;

const HUB_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(["http-api-gateway", "event-bus", "queue", "topic", "stream", "application-load-balancer", "bucket", "dynamo-db-table"]);

export const nodeHeight = (node: GraphNode) => BASE_HEIGHT + node.notes.length * NOTE_HEIGHT;

/** An event source (the hub) and the functions it triggers, with the nodes only they connect to. */
export interface NodeGroup {
  /** The hub's id. */
  id: string;
  /** The hub first, then the rest in the definition's order. */
  members: string[];
}

/**
 * Past GROUP_THRESHOLD nodes: each function joins the group of the source that triggers the most
 * functions among its triggers (the first such source on a tie), if that source triggers two or more;
 * a node whose every edge leads into one group (a function's own queue) joins it too. Pure.
 */
export function groupNodes(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): NodeGroup[] {
  if (nodes.length <= GROUP_THRESHOLD) return [];
  const byId = new Map(nodes.map((n, i) => [n.id, { n, i }]));
  const isHubTrigger = (e: GraphEdge) => e.kind === "trigger" && byId.get(e.target)?.n.kind === "function" && HUB_KINDS.has(byId.get(e.source)?.n.kind as NodeKind);
  const fanOut = new Map<string, Set<string>>();
  for (const e of edges) if (isHubTrigger(e)) fanOut.set(e.source, (fanOut.get(e.source) ?? new Set()).add(e.target));
  const better = (a: string, b: string) => fanOut.get(a)!.size > fanOut.get(b)!.size || (fanOut.get(a)!.size === fanOut.get(b)!.size && byId.get(a)!.i < byId.get(b)!.i);
  const hubOf = new Map<string, string>();
  for (const e of edges) {
    if (!isHubTrigger(e) || fanOut.get(e.source)!.size < 2) continue;
    const current = hubOf.get(e.target);
    if (current === undefined || better(e.source, current)) hubOf.set(e.target, e.source);
  }
  const count = new Map<string, number>();
  for (const hub of hubOf.values()) count.set(hub, (count.get(hub) ?? 0) + 1);
  const groupOf = new Map<string, string>();
  for (const [fn, hub] of hubOf) if (count.get(hub)! >= 2 && !hubOf.has(hub)) groupOf.set(fn, hub).set(hub, hub);
  const core = new Map(groupOf);
  const neighbours = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.source === e.target) continue;
    neighbours.set(e.source, (neighbours.get(e.source) ?? new Set()).add(e.target));
    neighbours.set(e.target, (neighbours.get(e.target) ?? new Set()).add(e.source));
  }
  for (const n of nodes) {
    if (core.has(n.id)) continue;
    const groups = new Set([...(neighbours.get(n.id) ?? [])].map((m) => core.get(m)));
    const [only] = groups;
    if (groups.size === 1 && only !== undefined) groupOf.set(n.id, only);
  }
  const groups = new Map<string, string[]>();
  for (const n of nodes) {
    const hub = groupOf.get(n.id);
    if (hub !== undefined && hub !== n.id) groups.set(hub, [...(groups.get(hub) ?? [hub]), n.id]);
  }
  return [...groups].map(([id, members]) => ({ id, members }));
}

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

interface Block {
  at: Map<string, CanvasPoint>;
  width: number;
  height: number;
}

/**
 * Layered layout of some nodes from (0, 0): a column per rank, rows shared across columns (a node and
 * its source side by side), cut into bands side by side when the block would be much taller than wide.
 */
function layered(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Block {
  const rank = ranks(nodes, edges);
  const columns: GraphNode[][] = [];
  for (const n of nodes) (columns[rank.get(n.id)!] ??= []).push(n);
  const preds = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) preds.get(e.target)?.push(e.source);

  const row = new Map<string, number>();
  const rows: GraphNode[][] = [];
  for (const column of columns) {
    // Order each column by where its predecessors sit (barycenter), so edges mostly run straight.
    const key = (n: GraphNode, i: number) => {
      const placed = preds.get(n.id)!.filter((p) => row.has(p)).map((p) => row.get(p)!);
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Number.MAX_SAFE_INTEGER + i;
    };
    const ordered = (column ?? []).map((n, i) => ({ n, k: key(n, i), i })).sort((a, b) => a.k - b.k || a.i - b.i);
    ordered.forEach(({ n }, r) => {
      row.set(n.id, r);
      (rows[r] ??= []).push(n);
    });
  }
  const rowHeight = rows.map((r) => Math.max(...r.map(nodeHeight)) + ROW_GAP);
  const bandWidth = columns.length * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP + BLOCK_GAP;
  const average = rowHeight.reduce((a, b) => a + b, 0) / Math.max(1, rows.length);
  let perBand = rows.length;
  for (let bands = 1; bands <= rows.length; bands++) {
    perBand = Math.ceil(rows.length / bands);
    if (bands * bandWidth >= ASPECT * perBand * average) break;
  }
  const at = new Map<string, CanvasPoint>();
  let y = 0;
  let height = 0;
  rows.forEach((r, i) => {
    if (i % perBand === 0) y = 0;
    const band = Math.floor(i / perBand);
    for (const n of r) at.set(n.id, { x: band * bandWidth + rank.get(n.id)! * (NODE_WIDTH + COLUMN_GAP), y });
    y += rowHeight[i];
    height = Math.max(height, y - ROW_GAP);
  });
  const bands = Math.ceil(rows.length / Math.max(1, perBand));
  return { at, width: Math.max(0, bands * bandWidth - BLOCK_GAP), height: Math.max(0, height) };
}

/** A group's block: its hub on top, the rest laid out below it. */
function groupBlock(hub: GraphNode, rest: readonly GraphNode[], edges: readonly GraphEdge[]): Block {
  const below = layered(rest, edges);
  const top = nodeHeight(hub) + ROW_GAP * 2;
  const at = new Map([[hub.id, { x: 0, y: 0 }]]);
  for (const [id, p] of below.at) at.set(id, { x: p.x, y: p.y + top });
  return { at, width: Math.max(NODE_WIDTH, below.width), height: top + below.height };
}

/**
 * Left to right: event sources, functions, what functions reach (destinations, grants). Each group
 * (see groupNodes) is a block of its own; the ungrouped nodes make the first block. Blocks are packed
 * in shelves, so a big stack stays about as wide as it is tall.
 */
export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], groups: readonly NodeGroup[] = []): Map<string, CanvasPoint> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const grouped = new Set(groups.flatMap((g) => g.members));
  const inside = (ids: ReadonlySet<string>) => edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const blocks: Block[] = [];
  const loose = nodes.filter((n) => !grouped.has(n.id));
  if (loose.length) blocks.push(layered(loose, inside(new Set(loose.map((n) => n.id)))));
  for (const g of groups) {
    const members = g.members.flatMap((id) => byId.get(id) ?? []);
    const hub = byId.get(g.id);
    if (!hub) continue;
    blocks.push(groupBlock(hub, members.slice(1), inside(new Set(g.members.slice(1)))));
  }
  const out = new Map<string, CanvasPoint>();
  let x = MARGIN;
  let y = MARGIN;
  let shelf = 0;
  for (const b of blocks) {
    if (x > MARGIN && x + b.width > SHELF_WIDTH) {
      x = MARGIN;
      y += shelf + BLOCK_GAP;
      shelf = 0;
    }
    for (const [id, p] of b.at) out.set(id, { x: x + p.x, y: y + p.y });
    x += b.width + BLOCK_GAP;
    shelf = Math.max(shelf, b.height);
  }
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

/** A group's outline on the canvas: around its members where they are now, with room for a header above. */
export interface GroupFrame {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const FRAME_PADDING = 12;
export const FRAME_HEADER = 30;

export function groupFrames(groups: readonly NodeGroup[], nodes: readonly GraphNode[], at: ReadonlyMap<string, CanvasPoint>): GroupFrame[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return groups.flatMap((g) => {
    const members = g.members.flatMap((id) => {
      const n = byId.get(id);
      const p = at.get(id);
      return n && p ? [{ ...p, bottom: p.y + nodeHeight(n) }] : [];
    });
    if (!members.length) return [];
    const left = Math.min(...members.map((m) => m.x)) - FRAME_PADDING;
    const top = Math.min(...members.map((m) => m.y)) - FRAME_PADDING - FRAME_HEADER;
    const right = Math.max(...members.map((m) => m.x)) + NODE_WIDTH + FRAME_PADDING;
    const bottom = Math.max(...members.map((m) => m.bottom)) + FRAME_PADDING;
    return [{ id: g.id, x: left, y: top, width: right - left, height: bottom - top }];
  });
}
