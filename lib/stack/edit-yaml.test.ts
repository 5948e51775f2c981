import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { applyDefinition, sameData } from "./edit-yaml";
import { parseStack } from "./parse";
import { printStack } from "./print";
import type { LambdaFunction, StackDefinition } from "./schema";

const SOURCE = `# Orders service: the API and its worker.

resources:
  # the public API
  api:
    type: http-api-gateway
  worker:
    type: function
    properties:
      packaging: {type: stacktape-lambda-buildpack, properties: {entryfilePath: 'src/worker.ts'}}
      memory: 2048 # bigger
      timeout: 10
      environment:
        - name: STAGE
          value: "prod" # quoted on purpose
      events:
        # the route
        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
            method: GET
            path: /orders
        # hourly clean-up
        - type: schedule
          properties:
            scheduleRate: 'rate(1 hour)'
`;

const definitionOf = (yaml: string): StackDefinition => {
  const { definition, diagnostics } = parseStack(yaml);
  if (!definition) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return definition;
};

type WorkerProps = LambdaFunction["properties"];

/** `definition` with the worker's properties replaced by `edit` of them (an immutable edit, as the forms make). */
function editWorker(definition: StackDefinition, edit: (p: WorkerProps) => WorkerProps): StackDefinition {
  const worker = definition.resources.worker as LambdaFunction;
  return { ...definition, resources: { ...definition.resources, worker: { ...worker, properties: edit(worker.properties) } } };
}

describe("applyDefinition", () => {
  const before = definitionOf(SOURCE);

  it("changes only the edited scalar: its trailing comment, the top comment and every other line stay", () => {
    const after = editWorker(before, (p) => ({ ...p, memory: 4096 }));
    const out = applyDefinition(SOURCE, before, after);
    expect(out).toBe(SOURCE.replace("memory: 2048 # bigger", "memory: 4096 # bigger"));
    expect(definitionOf(out)).toEqual(after);
  });

  it("removing a trigger keeps the top-of-file comment and the other trigger's comment", () => {
    const after = editWorker(before, (p) => ({ ...p, events: p.events!.slice(1) }));
    const out = applyDefinition(SOURCE, before, after);
    expect(out.startsWith("# Orders service: the API and its worker.\n\nresources:\n  # the public API\n")).toBe(true);
    expect(out).toContain("        # hourly clean-up\n        - type: schedule\n");
    expect(out).not.toContain("path: /orders");
    expect(definitionOf(out)).toEqual(after);
  });

  it("keeps flow style and quotes on untouched nodes, and the quoting of an edited string", () => {
    const after = editWorker(before, (p) => ({ ...p, timeout: 30, environment: [{ name: "STAGE", value: "staging" }] }));
    const out = applyDefinition(SOURCE, before, after);
    expect(out).toContain("packaging: {type: stacktape-lambda-buildpack, properties: {entryfilePath: 'src/worker.ts'}}");
    expect(out).toContain("scheduleRate: 'rate(1 hour)'");
    expect(out).toContain('value: "staging" # quoted on purpose');
    expect(out).toContain("timeout: 30\n");
    expect(definitionOf(out)).toEqual(after);
  });

  it("appends a new resource at the end of resources, and a new property at the end of its mapping", () => {
    const withQueue = { ...before, resources: { ...before.resources, bus: { type: "event-bus" } } } as StackDefinition;
    const after = editWorker(withQueue, (p) => ({ ...p, logging: { retentionDays: 14 } }));
    const out = applyDefinition(SOURCE, before, after);
    expect(out.endsWith("            scheduleRate: 'rate(1 hour)'\n      logging:\n        retentionDays: 14\n  bus:\n    type: event-bus\n")).toBe(true);
    expect(definitionOf(out)).toEqual(after);
  });

  it("an empty {} or [] that gets items becomes a block, as printStack writes it", () => {
    const empty = { resources: {} };
    const queue = (Tags: unknown[]) => ({ resources: {}, cloudformationResources: { queue: { Type: "AWS::SQS::Queue", Properties: { Tags } } } }) as StackDefinition;
    const first = applyDefinition("# empty for now\nresources: {}\n", empty, { resources: { bus: { type: "event-bus" } } } as StackDefinition);
    expect(first).toBe("# empty for now\nresources:\n  bus:\n    type: event-bus\n");
    const tagged = queue([{ Key: "team", Value: "orders" }]);
    expect(applyDefinition(printStack(queue([])), queue([]), tagged)).toBe(printStack(tagged));
  });

  it("renames a resource's key node, so the renamed resource keeps its comment and place", () => {
    const { api, ...rest } = before.resources;
    const renamed = { ...before, resources: { publicApi: api, ...rest } };
    const after = editWorker(renamed, (p) => ({ ...p, events: p.events!.map((e) => (e.type === "http-api-gateway" ? { ...e, properties: { ...e.properties, httpApiGatewayName: "publicApi" } } : e)) }));
    const out = applyDefinition(SOURCE, before, after);
    expect(out).toContain("resources:\n  # the public API\n  publicApi:\n    type: http-api-gateway\n  worker:");
    expect(out).toContain("httpApiGatewayName: publicApi\n");
    expect(definitionOf(out)).toEqual(after);
  });

  it("inserting a list item in the middle keeps the comments of the items around it", () => {
    const often = { type: "schedule" as const, properties: { scheduleRate: "rate(5 minutes)" } };
    const after = editWorker(before, (p) => ({ ...p, events: [p.events![0], often, p.events![1]] }));
    const out = applyDefinition(SOURCE, before, after);
    expect(out).toContain("# the route");
    expect(out).toContain("# hourly clean-up\n        - type: schedule\n          properties:\n            scheduleRate: 'rate(1 hour)'");
    expect(definitionOf(out)).toEqual(after);
  });

  it("a value that changes type gets a new node of that type (a number where a quoted string was is not quoted)", () => {
    const yaml = "resources: {}\ncloudformationResources:\n  queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: '10' # a string\n";
    const old = definitionOf(yaml);
    const after = { resources: {}, cloudformationResources: { queue: { Type: "AWS::SQS::Queue", Properties: { DelaySeconds: 11 } } } };
    const out = applyDefinition(yaml, old, after);
    expect(out).toBe(yaml.replace("'10'", "11"));
    expect(parse(out)).toEqual(after);
  });

  it("new nodes follow the document's indent width and sequence indentation", () => {
    const flush = `resources:
  fn:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: a.ts
      events:
      - type: schedule
        properties:
          scheduleRate: rate(1 hour)
`;
    const wide = `resources:
    fn:
        type: function
        properties:
            packaging:
                type: stacktape-lambda-buildpack
                properties:
                    entryfilePath: a.ts
            events:
                - type: schedule
                  properties:
                      scheduleRate: rate(1 hour)
`;
    for (const yaml of [flush, wide]) {
      const old = definitionOf(yaml);
      const f = old.resources.fn as LambdaFunction;
      const events = [...f.properties.events!, { type: "schedule" as const, properties: { scheduleRate: "rate(2 hours)" } }];
      const after = { resources: { fn: { ...f, properties: { ...f.properties, events } } } } as StackDefinition;
      const out = applyDefinition(yaml, old, after);
      expect(out.startsWith(yaml), yaml).toBe(true);
      expect(definitionOf(out)).toEqual(after);
    }
  });

  it("the editor's next edit on the text the last one produced gives the same text as a fresh parse", () => {
    const first = editWorker(before, (p) => ({ ...p, memory: 1024 }));
    const second = editWorker(first, (p) => ({ ...p, timeout: 20 }));
    const chained = applyDefinition(applyDefinition(SOURCE, before, first), first, second);
    const fresh = applyDefinition(SOURCE, before, second);
    expect(chained).toBe(fresh);
    expect(chained).toContain("memory: 1024 # bigger\n      timeout: 20\n");
  });

  it("prints the definition when the text is not YAML, has aliases, or does not hold the old definition", () => {
    const after = editWorker(before, (p) => ({ ...p, memory: 4096 }));
    expect(applyDefinition("resources: [", before, after)).toBe(printStack(after));
    const aliased = SOURCE.replace("timeout: 10", "timeout: &t 10\n      reservedConcurrency: *t");
    const aliasedBefore = definitionOf(aliased);
    const aliasedAfter = editWorker(aliasedBefore, (p) => ({ ...p, timeout: 20 }));
    expect(applyDefinition(aliased, aliasedBefore, aliasedAfter)).toBe(printStack(aliasedAfter));
    const other = { resources: { solo: { type: "event-bus" } } } as StackDefinition;
    expect(applyDefinition(SOURCE, other, after)).toBe(printStack(after));
  });

  it("returns the text itself when nothing changed", () => {
    expect(applyDefinition(SOURCE, before, before)).toBe(SOURCE);
  });
});

describe("sameData", () => {
  it("ignores key order and undefined keys, and tells lists, maps and scalars apart", () => {
    expect(sameData({ a: 1, b: [1, { c: "x" }] }, { b: [1, { c: "x" }], a: 1 })).toBe(true);
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameData({ a: {} }, { a: [] })).toBe(false);
    expect(sameData({ a: "1" }, { a: 1 })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
