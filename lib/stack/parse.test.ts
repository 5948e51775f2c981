import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseStack } from "./parse";

const fixturesDir = path.resolve(__dirname, "../../server/render/fixtures");
const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith(".yml"));

const fn = (extra = "") => `resources:
  myLambda:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: path/to/my-lambda.ts
${extra}`;

describe("parseStack", () => {
  it("parses every seed fixture with zero diagnostics", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(23);
    for (const file of fixtures) {
      const result = parseStack(readFileSync(path.join(fixturesDir, file), "utf8"), { file });
      expect(result.diagnostics, file).toEqual([]);
      expect(result.definition, file).toBeDefined();
    }
  });

  it("reports an unknown key with its path, the key's line and a suggestion", () => {
    const { definition, diagnostics } = parseStack(fn("      memmory: 1024\n"), { file: "stack.yml" });
    expect(definition).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        severity: "error",
        code: "schema",
        message: "unknown property 'memmory' (did you mean 'memory'?)",
        path: ["resources", "myLambda", "properties", "memmory"],
        file: "stack.yml",
        line: 9,
        column: 7,
      },
    ]);
  });

  it("lists the allowed keys when nothing is close", () => {
    const { diagnostics } = parseStack(fn("      banana: 1\n"));
    expect(diagnostics[0].message).toMatch(/^unknown property 'banana'; allowed: packaging, events, environment, runtime/);
  });

  it("explains keys that edge functions cannot have", () => {
    const source = `resources:
  edge:
    type: edge-lambda-function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: a.ts } }
      environment:
        - { name: A_B, value: x }
`;
    const [d] = parseStack(source).diagnostics;
    expect(d.path).toEqual(["resources", "edge", "properties", "environment"]);
    expect(d.message).toMatch(/Lambda@Edge functions cannot have environment variables/);
    expect(d.line).toBe(6);
  });

  it("points a bad value at the value's position", () => {
    const [d] = parseStack(fn("      timeout: 1000\n")).diagnostics;
    expect(d).toMatchObject({ path: ["resources", "myLambda", "properties", "timeout"], message: "must be at most 900 (got number 1000)", line: 9, column: 16 });
  });

  it("reports a number beyond the safe integers once, with the property's own limit", () => {
    const { diagnostics } = parseStack(fn("      memory: 100000000000000000000\n      timeout: -99999999999999999999\n"));
    expect(diagnostics.map((d) => [d.path.at(-1), d.message])).toEqual([
      ["memory", "must be at most 10240 (got number 100000000000000000000)"],
      ["timeout", "must be at least 1 (got number -100000000000000000000)"],
    ]);
  });

  it("reports a missing required property at its parent's line", () => {
    const source = "resources:\n  fn:\n    type: function\n    properties:\n      packaging:\n        type: s3-artifact\n        properties:\n          bucketName: b\n          key: k\n";
    const [d] = parseStack(source).diagnostics;
    expect(d).toMatchObject({ path: ["resources", "fn", "properties", "packaging", "properties", "handler"], message: "missing required property 'handler'", line: 7 });
  });

  it("names the allowed values of an unknown type", () => {
    const [d] = parseStack(fn("      events:\n        - type: carrier-pigeon\n")).diagnostics;
    expect(d.path).toEqual(["resources", "myLambda", "properties", "events", 0, "type"]);
    expect(d.message).toMatch(/^unknown type 'carrier-pigeon'; expected one of 'http-api-gateway', 'schedule'/);
    expect(d.line).toBe(10);
  });

  it("rejects resource names that cannot become logical ids", () => {
    const [d] = parseStack("resources:\n  my-bucket:\n    type: bucket\n").diagnostics;
    expect(d).toMatchObject({ path: ["resources", "my-bucket"], line: 2, column: 3 });
    expect(d.message).toMatch(/invalid name 'my-bucket'/);
  });

  it("reports wrong types with what was found", () => {
    const [d] = parseStack(fn("      memory: '1024'\n")).diagnostics;
    expect(d.message).toBe('expected number, got the string "1024"');
  });

  it("accepts JSON and locates problems in it", () => {
    const json = JSON.stringify({ resources: { b: { type: "bucket", properties: { versioning: "yes" } } } }, null, 2);
    const { diagnostics } = parseStack(json);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ path: ["resources", "b", "properties", "versioning"], line: 6 });
    expect(parseStack(JSON.stringify({ resources: { b: { type: "bucket" } } })).definition).toEqual({ resources: { b: { type: "bucket" } } });
  });

  it("reports YAML syntax errors with their line and no definition", () => {
    const { definition, diagnostics } = parseStack("resources:\n  a: [1, 2\n", { file: "x.yml" });
    expect(definition).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ severity: "error", code: "yaml", file: "x.yml", path: [] });
    // The unclosed bracket is on line 2; the yaml package places the error past the end (line 3).
    expect(diagnostics[0].line).toBe(2);
  });

  it("shows an error at the end of the input on the last line with content, not past it", () => {
    const source = "resources:\n  fn:\n    type: function\n    properties: {\n\n\n";
    expect(parseStack(source).diagnostics[0]).toMatchObject({ code: "yaml", line: 4 });
    expect(parseStack('resources:\n  a: "open quote').diagnostics[0]).toMatchObject({ code: "yaml", line: 2 });
  });

  it("rejects duplicate keys", () => {
    const { diagnostics } = parseStack("resources:\n  a:\n    type: bucket\n  a:\n    type: bucket\n");
    expect(diagnostics[0]).toMatchObject({ code: "yaml", line: 4 });
    expect(diagnostics[0].message).toMatch(/unique/);
  });

  it("rejects YAML tags instead of turning them into strings", () => {
    const source = "resources: {}\ncloudformationResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Name\n";
    const [d] = parseStack(source).diagnostics;
    expect(d).toMatchObject({ severity: "error", code: "yaml", line: 6 });
    expect(d.message).toMatch(/long form/);
  });

  it("refuses alias expansion bombs", () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]`);
    const { definition, diagnostics } = parseStack(`${lines.join("\n")}\nresources: {}\n`);
    expect(definition).toBeUndefined();
    // Refused by the input bounds (the expanded size), before the yaml package builds any value.
    expect(diagnostics[0].code).toBe("bounds");
    expect(diagnostics[0].message).toMatch(/^aliases expand to more than 50,000 YAML nodes/);
  });

  it("rejects an empty document", () => {
    expect(parseStack("").diagnostics[0].message).toMatch(/empty/);
  });

  it("keeps the source's key order and adds nothing", () => {
    const source = fn("      timeout: 5\n      memory: 256\n");
    const def = parseStack(source).definition!;
    const props = def.resources.myLambda.properties as Record<string, unknown>;
    expect(Object.keys(props)).toEqual(["packaging", "timeout", "memory"]);
    expect(props).not.toHaveProperty("runtime");
  });

  it("sorts schema diagnostics by position", () => {
    const { diagnostics } = parseStack(fn("      timeout: 0\n      memory: 1\n      zzz: 1\n"));
    expect(diagnostics.map((d) => d.line)).toEqual([9, 10, 11]);
  });
});
