import { describe, expect, it } from "vitest";
import { parseStack, printStack, type StackDefinition } from "@/lib/stack";
import { connect, removeEdge } from "./connect";
import { docFromYaml, savedCode, withDefinition, withYaml } from "./doc";
import { buildGraph } from "./graph";
import { commit, redo, startHistory, undo } from "./history";
import { addResource, PALETTE, removeResource } from "./palette";
import { setInPruned } from "./paths";
import { renameResource } from "./rename";
import { analyzeForEditor, checkDefinition, fieldError } from "./validate";

const item = (label: string) => PALETTE.find((p) => p.label === label)!;

function build(...labels: string[]) {
  let state = { definition: { resources: {} } as StackDefinition, code: {} as Record<string, string> };
  const names: string[] = [];
  for (const label of labels) {
    const r = addResource(state.definition, state.code, item(label));
    state = { definition: r.definition, code: r.code };
    names.push(r.name);
  }
  return { ...state, names };
}

describe("palette", () => {
  it("adds valid resources under fresh names, raw queues under cloudformationResources, and a handler per function", () => {
    const { definition, code, names } = build("HTTP API", "Function", "Function", "SQS queue", "Event bus");
    expect(names).toEqual(["httpApi", "function", "function2", "queue", "eventBus"]);
    expect(definition.cloudformationResources).toEqual({ queue: { Type: "AWS::SQS::Queue" } });
    expect(Object.keys(code)).toEqual(["src/function.ts", "src/function2.ts"]);
    expect(checkDefinition(definition)).toEqual([]);
    expect(Object.keys(removeResource(removeResource(definition, "queue"), "function").resources)).toEqual(["httpApi", "function2", "eventBus"]);
    expect(removeResource(definition, "queue").cloudformationResources).toBeUndefined();
  });

  it("gives a new function its own handler file when a renamed function still uses the file of the fresh name", () => {
    const { definition, code } = build("Function");
    const renamed = renameResource(definition, "function", "api");
    const r = addResource(renamed, code, item("Function"));
    expect(r.name).toBe("function2");
    expect(r.code["src/function.ts"]).toBe(code["src/function.ts"]);
    expect(r.code["src/function2.ts"]).toBeDefined();
    const entry = (n: string) => (r.definition.resources[n].properties as { packaging: { properties: { entryfilePath: string } } }).packaging.properties.entryfilePath;
    expect([entry("api"), entry("function2")]).toEqual(["src/function.ts", "src/function2.ts"]);
  });
});

describe("connecting on the canvas", () => {
  it("a queue, bus or HTTP API connected to a function becomes its sqs, event-bus or http trigger; deleting the edge removes it", () => {
    let { definition } = build("HTTP API", "Function", "SQS queue", "Event bus");
    for (const source of ["httpApi", "queue", "eventBus"]) {
      const r = connect(definition, source, "function");
      if (!r.ok) throw new Error(r.reason);
      definition = r.definition;
    }
    const events = (definition.resources.function as { properties: { events: unknown[] } }).properties.events;
    expect(events).toEqual([
      { type: "http-api-gateway", properties: { httpApiGatewayName: "httpApi", method: "GET", path: "/function" } },
      { type: "sqs", properties: { queueArn: "$CfResourceParam('queue', 'Arn')" } },
      { type: "event-bus", properties: { eventBusName: "eventBus", eventPattern: { source: [{ prefix: "" }] } } },
    ]);
    expect(checkDefinition(definition)).toEqual([]);
    const { edges } = buildGraph(definition);
    expect(edges.map((e) => [e.source, e.target, e.kind])).toEqual([
      ["httpApi", "function", "trigger"],
      ["queue", "function", "trigger"],
      ["eventBus", "function", "trigger"],
    ]);
    const withoutQueue = removeEdge(definition, edges[1].ref);
    expect(buildGraph(withoutQueue).edges.map((e) => e.source)).toEqual(["httpApi", "eventBus"]);
    const none = edges.reduceRight((d, e) => removeEdge(d, e.ref), definition);
    expect(none.resources.function).toEqual({ type: "function", properties: { packaging: expect.anything() } });
  });

  it("a function connected to a bucket gets access; other pairs are refused with a reason", () => {
    const { definition } = build("Function", "Bucket", "User pool");
    const r = connect(definition, "function", "bucket");
    expect(r.ok && r.definition.resources.function).toMatchObject({ properties: { accessControl: { allowAccessTo: ["bucket"] } } });
    const refused = connect(definition, "bucket", "userPool");
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining("cannot be connected") });
  });

  it("draws destinations, authorizers, edge associations and notes for source-less triggers", () => {
    const yaml = `resources:
  bus:
    type: event-bus
  auth:
    type: function
    properties: { packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: a.ts } } }
  edge:
    type: edge-lambda-function
    properties: { packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: e.ts } } }
  site:
    type: bucket
    properties: { cdn: { enabled: true, edgeFunctions: { onRequest: edge } } }
  api:
    type: http-api-gateway
  fn:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: f.ts } }
      destinations: { onFailure: "$ResourceParam('bus', 'arn')" }
      events:
        - type: schedule
          properties: { scheduleRate: rate(5 minutes) }
        - type: http-api-gateway
          properties: { httpApiGatewayName: api, method: GET, path: /x, authorizer: { type: lambda, properties: { functionName: auth } } }
`;
    const { definition } = parseStack(yaml);
    const graph = buildGraph(definition!);
    expect(graph.nodes.find((n) => n.id === "fn")!.notes).toEqual(["schedule rate(5 minutes)"]);
    expect(graph.edges.map((e) => [e.source, e.target, e.kind, e.label])).toEqual([
      ["edge", "site", "edge", "onRequest"],
      ["api", "fn", "trigger", "GET /x"],
      ["auth", "fn", "authorizer", "authorizes GET /x"],
      ["fn", "bus", "destination", "onFailure"],
    ]);
    expect(removeEdge(definition!, graph.edges[3].ref).resources.fn).not.toHaveProperty("properties.destinations");
  });
});

describe("editor state", () => {
  it("undo and redo step through edits; typing in one field coalesces", () => {
    let h = startHistory(1);
    h = commit(h, 2, { key: "memory", at: 0 });
    h = commit(h, 3, { key: "memory", at: 500 });
    h = commit(h, 4, { key: "timeout", at: 600 });
    expect(h.past).toEqual([1, 3]);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    expect(redo(h).present).toBe(3);
    expect(commit(h, 9).future).toEqual([]);
  });

  it("YAML edits apply when they parse and keep the text (and last good definition) when they do not", () => {
    const doc = docFromYaml("resources: {}\n", {});
    const bad = withYaml(doc, "resources:\n  x: [");
    expect(bad).toMatchObject({ yamlPending: true, definition: { resources: {} }, yaml: "resources:\n  x: [" });
    const good = withYaml(bad, "resources:\n  api:\n    type: http-api-gateway\n");
    expect(good).toMatchObject({ yamlPending: false, definition: { resources: { api: { type: "http-api-gateway" } } } });
    const { definition, code } = build("Function");
    const edited = withDefinition({ ...good, code: { ...code, "old.ts": "x" } }, definition);
    expect(edited.yaml).toBe(printStack(definition));
    expect(savedCode(edited, {})).toEqual(code);
  });

  it("a save keeps every file of the revision it started from, even one no function names as its entry", () => {
    const { definition, code } = build("Function");
    const revisionFiles = { ...code, "src/shared/db.ts": "export const db = 1;", "src/authorizer/helper.py": "x = 1" };
    const doc = withDefinition(docFromYaml(printStack(definition), revisionFiles), { ...definition });
    const timeoutOnly = withDefinition(doc, setInPruned(definition, ["resources", "function", "properties", "timeout"], 30));
    expect(savedCode(timeoutOnly, revisionFiles)).toEqual(revisionFiles);
    // A file the editor made for a function removed before saving is not the user's: it goes.
    expect(savedCode({ ...timeoutOnly, code: { ...timeoutOnly.code, "src/new-fn.ts": "" } }, revisionFiles)).toEqual(revisionFiles);
  });

  it("field errors come from the schema and the rules, at the field's path", () => {
    let { definition } = build("Function");
    const fn = ["resources", "function", "properties"];
    definition = setInPruned(definition, [...fn, "memory"], 20000);
    definition = setInPruned(definition, [...fn, "timeout"], 1000);
    let diagnostics = checkDefinition(definition);
    expect(fieldError(diagnostics, [...fn, "memory"])).toMatch(/10240/);
    expect(fieldError(diagnostics, [...fn, "timeout"])).toMatch(/900/);
    definition = setInPruned(definition, [...fn, "memory"], undefined);
    definition = setInPruned(definition, [...fn, "timeout"], undefined);
    definition = setInPruned(definition, [...fn, "events"], [{ type: "schedule", properties: { scheduleRate: "cron(0 10 * *)" } }]);
    diagnostics = checkDefinition(definition);
    expect(fieldError(diagnostics, [...fn, "events", 0, "properties", "scheduleRate"])).toMatch(/cron/);
    // All three at once in the editor, though the schema errors stop the server's rules.
    const all = analyzeForEditor(printStack(setInPruned(setInPruned(definition, [...fn, "memory"], 20000), [...fn, "timeout"], 1000)));
    expect(all.map((d) => d.path.at(-1)).sort()).toEqual(["memory", "scheduleRate", "timeout"]);
    expect(all.every((d) => d.line !== undefined)).toBe(true);
    expect(checkDefinition(setInPruned(setInPruned(definition, [...fn, "memory"], 20000), [...fn, "timeout"], 1000))).toHaveLength(3);
  });
});

describe("the editor applies the input bounds as the user types", () => {
  const keys = (n: number) => `resources:\n${Array.from({ length: n }, (_, i) => `  r${i + 1}: 1\n`).join("")}`;

  it("shows a crossed limit at the line where it was crossed, and nothing else", () => {
    const diagnostics = analyzeForEditor(keys(60_000));
    expect(diagnostics).toEqual([expect.objectContaining({ code: "bounds", line: 1002, column: 3, message: expect.stringMatching(/^more than 1,000 resources/) })]);
    const deep = analyzeForEditor(`resources: ${"[".repeat(1000)}1${"]".repeat(1000)}\n`);
    expect(deep).toEqual([expect.objectContaining({ code: "bounds", line: 1, column: 75 })]);
  });

  it("keeps the last good definition while the text is refused", () => {
    const doc = docFromYaml("resources:\n  b:\n    type: bucket\n", {});
    const next = withYaml(doc, keys(2000));
    expect(next.yamlPending).toBe(true);
    expect(next.definition).toEqual(doc.definition);
  });

  it("lists the first 100 problems and counts the rest", () => {
    const diagnostics = analyzeForEditor(keys(300));
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics[100]).toMatchObject({ code: "truncated", message: "and 200 more problems (only the first 100 are listed)" });
  });
});

describe("merging a conflict", () => {
  it("applies my changes onto the newer revision, and reports paths both sides changed", async () => {
    const { merge3 } = await import("./merge");
    const base = { resources: { f: { memory: 128, timeout: 10 } } };
    const theirs = { resources: { f: { memory: 512, timeout: 10 } } };
    const mine = { resources: { f: { memory: 128, timeout: 30 }, g: { memory: 1 } } };
    expect(merge3(base, mine, theirs)).toEqual({ ok: true, merged: { resources: { f: { memory: 512, timeout: 30 }, g: { memory: 1 } } } });
    const clash = { resources: { f: { memory: 1024, timeout: 10 } } };
    expect(merge3(base, clash, theirs)).toEqual({ ok: false, conflicts: [["resources", "f", "memory"]] });
    const removed = { resources: {} };
    expect(merge3(base, removed, base)).toEqual({ ok: true, merged: { resources: {} } });
  });
});

describe("layout", () => {
  it("puts sources left of functions and functions left of their destinations, without overlaps", async () => {
    const { layoutGraph } = await import("./layout");
    const { definition } = parseStack(`resources:
  api: { type: http-api-gateway }
  bus: { type: event-bus }
  fn:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: f.ts } }
      destinations: { onFailure: "$ResourceParam('bus', 'arn')" }
      events: [{ type: http-api-gateway, properties: { httpApiGatewayName: api, method: GET, path: /x } }]
  other:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: o.ts } }
`);
    const g = buildGraph(definition!);
    const at = layoutGraph(g.nodes, g.edges);
    expect(at.get("api")!.x).toBeLessThan(at.get("fn")!.x);
    expect(at.get("fn")!.x).toBeLessThan(at.get("bus")!.x);
    const spots = [...at.values()].map((p) => `${p.x},${p.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });
});
