/* eslint-disable @typescript-eslint/no-explicit-any -- templates and definitions here are plain JSON, navigated by literal paths */
// Fuzz: thousands of random stack definitions, valid and invalid, through the whole pipeline the
// CLI's `validate` runs (parse YAML, validate, render, check the template against the CloudFormation
// spec). Nothing may throw; every result is either a template with no errors that passes the spec
// validator, or errors that each say where (a non-empty path, unless the document root itself is
// wrong).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { analyzeStack, hasErrors, type Diagnostic } from "@/lib/stack";
import { arbitraryStackDefinition } from "@/lib/stack/testing/arbitraries";
import { specAttributes } from "@/server/validate/cfn-attributes";
import { resourceGraph } from "@/server/validate/template-graph";
import { coherentDefinition, fuzzRenderOptions, type Json } from "./fuzz-corpus";
import { renderStack } from "./index";

/** Small, targeted damage to a definition: each kind of mistake a user or the editor could make. */
function mutated(base: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("wrong-type" as const), at: fc.nat(), value: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string(), fc.constant([]), fc.constant({})) }),
    fc.record({ kind: fc.constant("unknown-key" as const), at: fc.nat(), key: fc.string({ minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant("dangle" as const), at: fc.nat(), name: fc.constantFrom("missing", "fnZ", "$ResourceParam('nope', 'arn')", "$CfResourceParam('queue', 'Nope')", "$Secret('')") }),
  );
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([definition, mutations]) => {
    const d = structuredClone(definition);
    for (const m of mutations) {
      const spots = locations(d);
      const [parent, key] = spots[m.at % spots.length];
      if (m.kind === "delete") {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      } else if (m.kind === "wrong-type") {
        parent[key as any] = m.value;
      } else if (m.kind === "unknown-key") {
        const target = parent[key as any];
        if (target && typeof target === "object" && !Array.isArray(target)) target[`x${m.key}`] = 1;
        else parent[key as any] = { [`x${m.key}`]: 1 };
      } else {
        const strings = spots.filter(([p, k]) => typeof p[k as any] === "string");
        if (strings.length) {
          const [p, k] = strings[m.at % strings.length];
          p[k as any] = m.name;
        }
      }
    }
    return d;
  });
}

/** Every (container, key) pair in a JSON tree, in a stable order. */
function locations(value: any): [any, string | number][] {
  const out: [any, string | number][] = [];
  const visit = (v: any) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        out.push([v, i]);
        visit(item);
      });
    } else if (v && typeof v === "object") {
      for (const k of Object.keys(v)) {
        out.push([v, k]);
        visit(v[k]);
      }
    }
  };
  visit(value);
  return out;
}

type Outcome = { kind: "rendered"; resources: number } | { kind: "rejected"; errors: Diagnostic[] };

/** The CLI's pipeline without the file system: YAML text in, template or errors out. */
function pipeline(source: string): Outcome {
  const analyzed = analyzeStack(source, { file: "fuzz.yml", cfnAttributes: specAttributes });
  if (!analyzed.definition || hasErrors(analyzed.diagnostics)) {
    return { kind: "rejected", errors: analyzed.diagnostics.filter((d) => d.severity === "error") };
  }
  const { template, diagnostics, graph } = renderStack(analyzed.definition, fuzzRenderOptions(analyzed.definition));
  // The split reuses the check's graph instead of building its own: they must be the same graph.
  if (graph) expect(graph, `the check's graph differs from resourceGraph's:\n${source}`).toEqual(resourceGraph(template.Resources));
  // renderStack checks its template against the spec (code "spec", located in the definition). Raw
  // cloudformationResources are copied as written, so the spec check is what reports their mistakes;
  // anywhere else, a spec error is the renderer's fault.
  const specErrors = diagnostics.filter((d) => d.severity === "error" && d.code === "spec");
  const rendererFaults = specErrors.filter((d) => d.path[0] !== "cloudformationResources");
  expect(rendererFaults, `the rendered template fails the spec validator:\n${source}`).toEqual([]);
  if (hasErrors(diagnostics)) return { kind: "rejected", errors: diagnostics.filter((d) => d.severity === "error") };
  return { kind: "rendered", resources: Object.keys(template.Resources).length };
}

function checkOutcome(input: unknown, source: string, outcomes: Outcome[]): void {
  const outcome = pipeline(source);
  outcomes.push(outcome);
  if (outcome.kind === "rejected") {
    expect(outcome.errors.length).toBeGreaterThan(0);
    const rootIsMapping = typeof input === "object" && input !== null && !Array.isArray(input);
    for (const e of outcome.errors) {
      expect(Array.isArray(e.path)).toBe(true);
      if (rootIsMapping) expect(e.path.length, `error without a path: ${e.message}\n${source}`).toBeGreaterThan(0);
      expect(e.message.length).toBeGreaterThan(0);
    }
  }
}

describe("fuzz: random definitions through parse, validate, render and the spec validator", () => {
  it("renders coherent definitions to spec-valid templates or rejects them with located errors", () => {
    const outcomes: Outcome[] = [];
    fc.assert(
      fc.property(coherentDefinition(), (definition) => checkOutcome(definition, stringify(definition), outcomes)),
      { numRuns: 600, seed: 20261122 },
    );
    const rendered = outcomes.filter((o) => o.kind === "rendered").length;
    // The fuzz is only worth something if a good share of it reaches the renderer.
    expect(rendered / outcomes.length).toBeGreaterThan(0.5);
  }, 60_000);

  it("rejects mutated definitions (deleted keys, wrong types, unknown keys, dangling references) with located errors", () => {
    const outcomes: Outcome[] = [];
    fc.assert(
      fc.property(mutated(coherentDefinition()), (definition) => checkOutcome(definition, stringify(definition), outcomes)),
      { numRuns: 800, seed: 20261123 },
    );
    expect(outcomes.filter((o) => o.kind === "rejected").length).toBeGreaterThan(400);
  }, 60_000);

  it("survives schema-valid definitions with random cross-references, as YAML and as JSON", () => {
    const outcomes: Outcome[] = [];
    fc.assert(
      fc.property(arbitraryStackDefinition({ maxItems: 3 }), fc.boolean(), (definition, asJson) =>
        checkOutcome(definition, asJson ? JSON.stringify(definition) : stringify(definition), outcomes),
      ),
      { numRuns: 600, seed: 20261124 },
    );
    expect(outcomes).toHaveLength(600);
  }, 60_000);

  it("survives arbitrary YAML documents and JSON values", () => {
    const outcomes: Outcome[] = [];
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.object({ maxDepth: 3 })), (value) =>
        checkOutcome(value, stringify(value), outcomes),
      ),
      { numRuns: 400, seed: 20261125 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => checkOutcome(undefined, text, outcomes)),
      { numRuns: 300, seed: 20261126 },
    );
    expect(outcomes.every((o) => o.kind === "rejected")).toBe(true);
  }, 60_000);
});
