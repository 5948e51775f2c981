// GIVEN some canvas nodes placed by hand, WHEN the rest get the automatic layout, THEN none of the
// rest overlaps a placed node (or another laid-out one), and a column keeps its order.
import { describe, expect, it } from "vitest";
import { benchDefinition } from "@/bench/stacks";
import type { CanvasPoint, CanvasPositions } from "@/lib/canvas/positions";
import { parseStack } from "@/lib/stack";
import { buildGraph, type GraphNode } from "./graph";
import { groupFrames, groupNodes, layoutGraph, NODE_WIDTH, nodeHeight, placeNodes } from "./layout";

// api triggers f0..f3 (one column of four), f0 sends failures to bus (a third column).
const fn = (name: string, extra = "") => `  ${name}:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: ${name}.ts } }
      events: [{ type: http-api-gateway, properties: { httpApiGatewayName: api, method: GET, path: /${name} } }]
${extra}`;
const YAML = `resources:
  api: { type: http-api-gateway }
  bus: { type: event-bus }
${fn("f0", `      destinations: { onFailure: "$ResourceParam('bus', 'arn')" }\n`)}${fn("f1")}${fn("f2")}${fn("f3")}`;

function graphOf(yaml: string) {
  const { definition } = parseStack(yaml);
  const { nodes, edges } = buildGraph(definition!);
  return { nodes, layout: layoutGraph(nodes, edges) };
}

const overlap = (a: GraphNode, p: CanvasPoint, b: GraphNode, q: CanvasPoint) =>
  p.x < q.x + NODE_WIDTH && q.x < p.x + NODE_WIDTH && p.y < q.y + nodeHeight(b) && q.y < p.y + nodeHeight(a);

/** Every pair of overlapping nodes where at least one was laid out automatically. */
function overlaps(nodes: readonly GraphNode[], positions: CanvasPositions, at: ReadonlyMap<string, CanvasPoint>): string[] {
  const found: string[] = [];
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i], nodes[j]];
      if (a.id in positions && b.id in positions) continue;
      if (overlap(a, at.get(a.id)!, b, at.get(b.id)!)) found.push(`${a.id}/${b.id}`);
    }
  return found;
}

describe("placeNodes", () => {
  const { nodes, layout } = graphOf(YAML);
  const node = (id: string) => nodes.find((n) => n.id === id)!;

  it("GIVEN the layout of the sample THEN it has one column of four functions (what the cases below rely on)", () => {
    const xs = ["f0", "f1", "f2", "f3"].map((id) => layout.get(id)!.x);
    expect(new Set(xs).size).toBe(1);
    expect(layout.get("api")!.x).toBeLessThan(xs[0]);
    expect(layout.get("bus")!.x).toBeGreaterThan(xs[0]);
  });

  it("GIVEN nothing placed, or placed far from every column THEN the rest sit exactly where the layout puts them", () => {
    expect(placeNodes(nodes, {}, layout)).toEqual(layout);
    const far = { bus: { x: 5000, y: 5000 } };
    const at = placeNodes(nodes, far, layout);
    expect(at.get("bus")).toEqual(far.bus);
    for (const n of nodes) if (n.id !== "bus") expect(at.get(n.id)).toEqual(layout.get(n.id));
  });

  it("GIVEN a node dropped on f1's spot THEN f1 and the nodes below it move down just clear of it, in order; f0 above stays", () => {
    const positions = { bus: layout.get("f1")! };
    const at = placeNodes(nodes, positions, layout);
    expect(at.get("bus")).toEqual(layout.get("f1"));
    expect(at.get("f0")).toEqual(layout.get("f0"));
    expect(at.get("f1")).toEqual({ x: layout.get("f1")!.x, y: positions.bus.y + nodeHeight(node("bus")) + 18 });
    expect(at.get("f2")!.y).toBe(at.get("f1")!.y + nodeHeight(node("f1")) + 18);
    expect(at.get("f3")!.y).toBe(at.get("f2")!.y + nodeHeight(node("f2")) + 18);
    expect(overlaps(nodes, positions, at)).toEqual([]);
  });

  it("GIVEN a node placed across two columns THEN both columns clear it", () => {
    const x = (layout.get("api")!.x + layout.get("f0")!.x) / 2;
    const positions = { f3: { x, y: layout.get("api")!.y + 10 } };
    const at = placeNodes(nodes, positions, layout);
    expect(at.get("api")!.y).toBeGreaterThan(positions.f3.y);
    expect(at.get("f0")!.y).toBeGreaterThan(positions.f3.y);
    expect(overlaps(nodes, positions, at)).toEqual([]);
  });

  it("GIVEN placed nodes with gaps between them THEN a node takes the first gap it fits in (ROW_GAP each side) and skips smaller ones", () => {
    const x = layout.get("f0")!.x;
    const h = nodeHeight(node("f0"));
    const api = { x, y: layout.get("f0")!.y };
    // 10 px between api and bus: too small for any node.
    const bus = { x, y: api.y + nodeHeight(node("api")) + 10 };
    const underBus = bus.y + nodeHeight(node("bus")) + 18;
    // Under bus, room for f0, f1 and f2 exactly; one pixel less and f2 goes under f3.
    for (const [short, f2] of [[0, underBus + 2 * (h + 18)], [1, underBus + 3 * (h + 18) - 1 + nodeHeight(node("f3")) + 18]]) {
      const positions = { api, bus, f3: { x, y: underBus + 3 * (h + 18) - short } };
      const at = placeNodes(nodes, positions, layout);
      expect(at.get("f0")!.y).toBe(underBus);
      expect(at.get("f1")!.y).toBe(underBus + h + 18);
      expect(at.get("f2")!.y, `${short} px short`).toBe(f2);
      expect(overlaps(nodes, positions, at)).toEqual([]);
    }
  });

  it("GIVEN the 100-function bench stack with random nodes placed anywhere THEN nothing laid out overlaps", () => {
    const { nodes: many, edges } = buildGraph(benchDefinition(100));
    const auto = layoutGraph(many, edges);
    const width = Math.max(...[...auto.values()].map((p) => p.x)) + NODE_WIDTH;
    const height = Math.max(...[...auto.values()].map((p) => p.y));
    let seed = 7;
    // Deterministic pseudo-random numbers (a linear congruential generator), so a failure reproduces.
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const share of [0.05, 0.3, 0.7]) {
      const positions: CanvasPositions = {};
      for (const n of many) if (random() < share) positions[n.id] = { x: Math.round(random() * width), y: Math.round(random() * height) };
      const at = placeNodes(many, positions, auto);
      expect(at.size).toBe(many.length);
      expect(overlaps(many, positions, at), `share ${share}`).toEqual([]);
    }
    // All but one node placed over the columns: the worst case for the sweep.
    const crowded: CanvasPositions = Object.fromEntries(many.slice(1).map((n, i) => [n.id, { x: (i % 3) * 150, y: i * 20 }]));
    expect(overlaps(many, crowded, placeNodes(many, crowded, auto))).toEqual([]);
  });
});

describe("layoutGraph on a big stack", () => {
  it("GIVEN the 100-function bench stack grouped THEN it is cut into bands about as wide as tall, nothing overlaps, and each function sits beside its queue", () => {
    const g = buildGraph(benchDefinition(100));
    const groups = groupNodes(g.nodes, g.edges);
    const at = layoutGraph(g.nodes, g.edges, groups);
    const [frame] = groupFrames(groups, g.nodes, at);
    expect(frame.width / frame.height).toBeGreaterThan(1);
    expect(frame.width / frame.height).toBeLessThan(3);
    expect(new Set(g.nodes.map((n) => at.get(n.id)!.x)).size).toBeGreaterThan(6);
    expect(overlaps(g.nodes, {}, at)).toEqual([]);
    for (const i of [0, 37, 99]) expect(at.get(`queue${i}`)!.y).toBe(at.get(`fn${i}`)!.y);
  });

  it("GIVEN eight nodes or fewer THEN nothing is grouped", () => {
    const { nodes, edges } = buildGraph(parseStack(YAML).definition!);
    expect(nodes.length).toBe(6);
    expect(groupNodes(nodes, edges)).toEqual([]);
  });
});
