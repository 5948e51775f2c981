// Hostile stack definitions (issue 14): each is refused through the entry points the server, the CLI
// and the editor use (analyzeStack / parseStack), with a message naming the limit and where it was
// crossed, and without reaching the schema. Timings are measured in bench/parse-bounds.bench.ts.
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyzeStack } from "./validate";
import { parseStack } from "./parse";
import { StackDefinitionSchema } from "./schema";
import { STACK_INPUT_LIMITS } from "./limits";
import { capDiagnostics, formatDiagnostic } from "./diagnostics";
import { utf8Length, utf8Overflow } from "./read-yaml";

const keys = (n: number) => `resources:\n${Array.from({ length: n }, (_, i) => `  r${i + 1}: 1\n`).join("")}`;
const buckets = (n: number) => `resources:\n${Array.from({ length: n }, (_, i) => `  b${i + 1}:\n    type: bucket\n`).join("")}`;
const deepFlow = (levels: number) => `resources: ${"[".repeat(levels)}1${"]".repeat(levels)}\n`;

function refused(source: string) {
  const { definition, diagnostics } = analyzeStack(source, { file: "stack.yml" });
  expect(definition).toBeUndefined();
  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0]).toMatchObject({ severity: "error", code: "bounds", file: "stack.yml" });
  return diagnostics[0];
}

afterEach(() => vi.restoreAllMocks());

describe("hostile stack definitions are refused at the limit they cross", () => {
  it("the 60,000-key file: at the 1,001st resource, before the schema sees anything", () => {
    const schema = vi.spyOn(StackDefinitionSchema, "safeParse");
    const d = refused(keys(60_000));
    expect(d.message).toBe("more than 1,000 resources (resources and cloudformationResources together); the limit is 1,000 (crossed at line 1002, column 3)");
    expect(formatDiagnostic(d)).toBe(`stack.yml:1002:3: error: (root): ${d.message}`);
    expect(schema).not.toHaveBeenCalled();
  });

  it("10,000 resources", () => {
    const d = refused(buckets(10_000));
    expect(d).toMatchObject({ line: 2 * 1000 + 2, column: 3 });
    expect(d.message).toMatch(/^more than 1,000 resources .*; the limit is 1,000 \(crossed at line 2002, column 3\)$/);
  });

  it("resources and cloudformationResources count together", () => {
    const cfn = Array.from({ length: 501 }, (_, i) => `  Q${i}:\n    Type: AWS::SQS::Queue\n`).join("");
    const d = refused(`${buckets(500)}cloudformationResources:\n${cfn}`);
    expect(d.message).toMatch(/^more than 1,000 resources/);
    expect(d.line).toBe(1 + 2 * 500 + 1 + 2 * 500 + 1);
  });

  it("counts resources written as JSON too", () => {
    const json = JSON.stringify({ resources: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`b${i}`, { type: "bucket" }])) });
    expect(refused(json).message).toMatch(/^more than 1,000 resources/);
  });

  it("the deep flow nesting file (1,000 brackets)", () => {
    const d = refused(deepFlow(1000));
    expect(d.message).toBe("nesting deeper than 64 levels; the limit is 64 (crossed at line 1, column 75)");
  });

  it("parses the deep nesting file 50 times in one process through the server's entry point and survives", () => {
    const source = deepFlow(1000);
    for (let i = 0; i < 50; i++) expect(analyzeStack(source).diagnostics[0].message).toMatch(/^nesting deeper than 64 levels/);
  });

  it("100,000 levels of flow nesting and of block nesting", () => {
    expect(refused(deepFlow(100_000)).message).toMatch(/^nesting deeper than 64 levels; the limit is 64 \(crossed at line 1, column \d+\)$/);
    const block = refused(`resources:\n  a:\n    ${"- ".repeat(100_000)}1\n`);
    expect(block.message).toMatch(/^nesting deeper than 64 levels/);
    expect(block.line).toBe(3);
    const indented = refused(`resources:\n${Array.from({ length: 100 }, (_, i) => `${" ".repeat(2 * (i + 1))}k${i}:\n`).join("")}`);
    expect(indented.message).toMatch(/^nesting deeper than 64 levels; the limit is 64 \(crossed at line 65, column 129\)$/);
  });

  it("a billion-laughs alias file", () => {
    const lol = ['lol0: &lol0 "lol"'];
    for (let i = 1; i < 10; i++) lol.push(`lol${i}: &lol${i} [${Array(10).fill(`*lol${i - 1}`).join(", ")}]`);
    const d = refused(`${lol.join("\n")}\nresources: {}\n`);
    expect(d.message).toMatch(/^aliases expand to more than 50,000 YAML nodes \(an alias bomb\); the limit is 50,000 \(crossed at line 6, column \d+\)$/);
  });

  it("more aliases than allowed, even small ones", () => {
    const d = refused(`anchor: &a 1\nlist: [${Array(1001).fill("*a").join(", ")}]\nresources: {}\n`);
    expect(d.message).toMatch(/^more than 1,000 aliases; the limit is 1,000 \(crossed at line 2, column \d+\)$/);
  });

  it("more YAML nodes than allowed", () => {
    const props = Array.from({ length: 30_000 }, (_, i) => `      k${i}: 1\n`).join("");
    const d = refused(`resources:\n  b:\n    type: bucket\n    properties:\n${props}`);
    expect(d.message).toMatch(/^more than 50,000 YAML nodes \(keys, values and list items\); the limit is 50,000 \(crossed at line 25002, column 15\)$/);
  });

  it("a 1 MB single-line value", () => {
    const source = `resources:\n  a:\n    type: bucket\n    properties: ${"x".repeat(1024 * 1024)}\n`;
    const column = STACK_INPUT_LIMITS.bytes - source.lastIndexOf("\n", STACK_INPUT_LIMITS.bytes);
    const d = refused(source);
    expect(d.message).toBe(`the definition is ${source.length.toLocaleString("en-US")} bytes; the limit is 1,000,000 bytes (crossed at line 4, column ${column})`);
    expect(d).toMatchObject({ line: 4, column });
  });

  it("a long single-line value within the limit is reported without repeating it", () => {
    const { diagnostics } = analyzeStack(`resources:\n  a:\n    type: bucket\n    properties: "${"x".repeat(900_000)}"\n`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message.length).toBeLessThan(200);
    expect(diagnostics[0].message).toMatch(/^expected object, got the string "x{40}"… \(900,000 characters\)$/);
  });

  it("a file one byte over the limit, counted in UTF-8", () => {
    const head = "resources: {}\n# ";
    const exact = head + "é".repeat((STACK_INPUT_LIMITS.bytes - head.length) / 2);
    expect(utf8Length(exact)).toBe(STACK_INPUT_LIMITS.bytes);
    expect(parseStack(exact).diagnostics).toEqual([]);
    const d = refused(`${exact}a`);
    expect(d.message).toBe("the definition is 1,000,001 bytes; the limit is 1,000,000 bytes (crossed at line 2, column 499995)");
  });
});

describe("the diagnostics list is capped", () => {
  it("lists the first 100 and counts the rest in one diagnostic", () => {
    const { diagnostics } = analyzeStack(keys(250), { file: "stack.yml" });
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics.slice(0, 100).every((d) => d.code === "schema")).toBe(true);
    expect(diagnostics[99].line).toBe(101);
    expect(diagnostics[100]).toEqual({ severity: "error", code: "truncated", message: "and 150 more problems (only the first 100 are listed)", path: [], hidden: 150, file: "stack.yml" });
  });
});

describe("utf8Overflow", () => {
  it("counts surrogate pairs as four bytes and finds the first character past the limit", () => {
    expect(utf8Overflow("a😀b", 5)).toBe(3);
    expect(utf8Overflow("a😀", 4)).toBe(1);
    expect(utf8Overflow("a😀", 5)).toBe(-1);
  });
});

describe("capDiagnostics", () => {
  const d = (i: number, severity: "error" | "warning" = "error") => ({ severity, code: "schema", message: `m${i}`, path: [i] });

  it("keeps one count when a capped list is capped again with more added", () => {
    const once = capDiagnostics(Array.from({ length: 150 }, (_, i) => d(i)));
    expect(capDiagnostics(once)).toEqual(once);
    const again = capDiagnostics([...once, d(1000, "warning"), d(1001, "warning")]);
    expect(again).toHaveLength(101);
    expect(again[100]).toMatchObject({ code: "truncated", severity: "error", hidden: 52, message: "and 52 more problems (only the first 100 are listed)" });
  });

  it("hides only warnings as a warning", () => {
    const list = [...Array.from({ length: 100 }, (_, i) => d(i)), d(100, "warning")];
    expect(capDiagnostics(list)[100]).toMatchObject({ severity: "warning", message: "and 1 more problem (only the first 100 are listed)" });
  });
});
