// GIVEN a big stack grouped by its triggering sources WHEN a group is collapsed THEN its members fold
// into the hub (edges to them redrawn to the hub, once per end and kind); open groups label the hub's
// triggers on the functions; edges joining the same two nodes get distinct offsets.
import { describe, expect, it } from "vitest";
import { benchDefinition } from "@/bench/stacks";
import { parseStack } from "@/lib/stack";
import { buildGraph } from "./graph";
import { groupNodes } from "./layout";
import { foldGroups, parallelOffsets } from "./view-graph";

const fn = (name: string, events: string, extra = "") => `  ${name}:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: ${name}.ts } }
      events: [${events}]
${extra}`;
const route = (path: string, method = "GET") => `{ type: http-api-gateway, properties: { httpApiGatewayName: api, method: ${method}, path: ${path} } }`;
// api triggers f0..f3; bus triggers g0, g1; f0 and g0 send failures to a function in neither group.
const failure = `      destinations: { onFailure: "$ResourceParam('dead', 'arn')" }\n`;
const YAML = `resources:
  api: { type: http-api-gateway }
  bus: { type: event-bus }
${fn("f0", route("/f0"), failure)}${fn("f1", `${route("/f1")}, ${route("/f1", "POST")}`)}${fn("f2", route("/f2"))}${fn("f3", route("/f3"))}${[0, 1].map((i) => fn(`g${i}`, `{ type: event-bus, properties: { eventBusName: bus, eventPattern: { source: [app] } } }`, i === 0 ? failure : "")).join("")}${fn("dead", "")}`;

const graph = () => buildGraph(parseStack(YAML).definition!);

describe("foldGroups", () => {
  it("GIVEN nine nodes THEN functions are grouped under the API and the bus; the failure target stays outside", () => {
    const { nodes, edges } = graph();
    expect(groupNodes(nodes, edges)).toEqual([
      { id: "api", members: ["api", "f0", "f1", "f2", "f3"] },
      { id: "bus", members: ["bus", "g0", "g1"] },
    ]);
    expect(groupNodes(nodes.slice(0, 8), edges)).toEqual([]);
  });

  it("GIVEN the API's group open THEN its routes are lines on the functions and the edges from the hub are marked as shown by the group", () => {
    const g = graph();
    const view = foldGroups(g, groupNodes(g.nodes, g.edges), new Set());
    expect(view.nodes.find((n) => n.id === "f1")!.notes).toEqual(["GET /f1", "POST /f1"]);
    expect(view.edges.filter((e) => e.source === "api").map((e) => e.framed)).toEqual([true, true, true, true, true]);
    expect(view.edges.filter((e) => e.target === "dead").map((e) => e.label)).toEqual(["onFailure", "onFailure"]);
  });

  it("GIVEN the API's group collapsed THEN only its hub is shown, with the count hidden, and f0's failure edge starts at the hub", () => {
    const g = graph();
    const view = foldGroups(g, groupNodes(g.nodes, g.edges), new Set(["api"]));
    expect(view.nodes.map((n) => n.id)).toEqual(["api", "bus", "g0", "g1", "dead"]);
    expect(view.hidden).toEqual(new Map([["api", 4]]));
    expect(view.groups[0]).toEqual({ id: "api", members: ["api"] });
    const folded = view.edges.filter((e) => e.source === "api");
    expect(folded.map((e) => [e.target, e.kind, e.folded])).toEqual([["dead", "destination", 1]]);
    expect(groupNodes(g.nodes, g.edges.filter((e) => e.source !== "g0"))[0].members).toContain("dead");
  });

  it("GIVEN the 100-function bench stack collapsed THEN one node stands for all 201", () => {
    const g = buildGraph(benchDefinition(100));
    const groups = groupNodes(g.nodes, g.edges);
    expect(groups.map((x) => [x.id, x.members.length])).toEqual([["api", 201]]);
    const view = foldGroups(g, groups, new Set(["api"]));
    expect([view.nodes.length, view.edges.length, view.hidden.get("api")]).toEqual([1, 0, 200]);
  });
});

describe("parallelOffsets", () => {
  it("GIVEN two routes of one API to one function THEN they get -0.5 and 0.5; a single edge gets 0", () => {
    const { edges } = graph();
    const offsets = parallelOffsets(edges);
    const f1 = edges.filter((e) => e.target === "f1").map((e) => offsets.get(e.id));
    expect(f1).toEqual([-0.5, 0.5]);
    expect(offsets.get(edges.find((e) => e.target === "f0")!.id)).toBe(0);
  });
});
