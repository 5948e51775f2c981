import { describe, expect, it } from "vitest";
import type { StackDefinition } from "@/lib/stack";
import { isAdoptable } from "@/lib/drift/adoptable";
import { adoptIntoYaml, adoptLiveValues } from "./adopt";

const definition = {
  resources: {
    worker: {
      type: "function",
      properties: {
        packaging: { type: "stacktape-lambda-buildpack", properties: { entryfilePath: "src/worker.ts" } },
        memory: 256,
        environment: [{ name: "MODE", value: "normal" }, { name: "KEEP", value: "1" }],
      },
    },
  },
} as unknown as StackDefinition;

const fn = (d: StackDefinition) => d.resources.worker.properties as Record<string, unknown>;

describe("adoptLiveValues", () => {
  it("GIVEN live memory, timeout, runtime, architecture and reserved concurrency THEN the definition says them", () => {
    const r = adoptLiveValues(definition, [
      { resource: "WorkerFunction", property: "MemorySize", deployed: 256, live: 1024 },
      { resource: "WorkerFunction", property: "Timeout", deployed: 10, live: 60 },
      { resource: "WorkerFunction", property: "Runtime", deployed: "nodejs24.x", live: "nodejs22.x" },
      { resource: "WorkerFunction", property: "Architectures", deployed: ["x86_64"], live: ["arm64"] },
      { resource: "WorkerFunction", property: "ReservedConcurrentExecutions", deployed: null, live: 5 },
    ]);
    if (!r.ok) expect.fail(r.problem);
    expect(fn(r.definition)).toMatchObject({ memory: 1024, timeout: 60, runtime: "nodejs22.x", architecture: "arm64", reservedConcurrency: 5 });
    expect(fn(definition).memory).toBe(256);
  });

  it("GIVEN environment drifts THEN changes, adds and removes variables, keeping the others", () => {
    const r = adoptLiveValues(definition, [
      { resource: "WorkerFunction", property: "Environment.MODE", deployed: "normal", live: "incident" },
      { resource: "WorkerFunction", property: "Environment.DEBUG", deployed: null, live: "1" },
      { resource: "WorkerFunction", property: "Environment.KEEP", deployed: "1", live: null },
    ]);
    if (!r.ok) expect.fail(r.problem);
    expect(fn(r.definition).environment).toEqual([
      { name: "MODE", value: "incident" },
      { name: "DEBUG", value: "1" },
    ]);
  });

  it("refuses what the definition cannot say, naming the resource and property", () => {
    expect(isAdoptable({ property: "CodeSha256" })).toBe(false);
    expect(adoptLiveValues(definition, [{ resource: "WorkerFunction", property: "CodeSha256", deployed: "a", live: "b" }])).toEqual({
      ok: false,
      problem: expect.stringContaining("WorkerFunction CodeSha256 cannot be adopted"),
    });
    expect(adoptLiveValues(definition, [{ resource: "OtherFunction", property: "MemorySize", deployed: 1, live: 2 }])).toEqual({
      ok: false,
      problem: expect.stringContaining("no function OtherFunction"),
    });
  });
});

describe("adoptIntoYaml", () => {
  const yaml = "resources:\n  worker:\n    type: function\n    properties:\n      memory: 256\n      packaging:\n        type: stacktape-lambda-buildpack\n        properties:\n          entryfilePath: src/worker.ts\n";
  const memory = { resource: "WorkerFunction", property: "MemorySize", deployed: 256, live: 1024 };

  it("prints the revision with the live values written in, naming what it adopted", () => {
    const r = adoptIntoYaml(yaml, [memory]);
    if (!r?.ok) expect.fail(String(r && r.problem));
    expect(r.adopted).toEqual(["WorkerFunction MemorySize"]);
    expect(r.yaml).toMatch(/^ {6}memory: 1024$/m);
  });

  it("says what cannot be adopted, and null when the revision does not parse", () => {
    expect(adoptIntoYaml(yaml, [{ ...memory, resource: "GoneFunction" }])).toEqual({ ok: false, problem: "GoneFunction MemorySize: the stack's latest revision has no function GoneFunction." });
    expect(adoptIntoYaml("resources: [", [memory])).toBeNull();
  });
});
