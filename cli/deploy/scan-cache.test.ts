import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseStack } from "@/lib/stack";
import { locateFileCode } from "../code";
import { collectCode } from "./code-files";

vi.mock("esbuild", async (importOriginal) => {
  const actual = await importOriginal<typeof import("esbuild")>();
  return { ...actual, build: vi.fn(actual.build) };
});

const stackYaml = (entry: string) => `resources:
  api:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: ${entry}
`;

const work = mkdtempSync(path.join(tmpdir(), "lambdaplane-scan-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let stack = "";
let cacheDir = "";
const write = (name: string, text: string) => {
  mkdirSync(path.dirname(path.join(stack, name)), { recursive: true });
  writeFileSync(path.join(stack, name), text);
};
const collect = (entry = "src/api.ts") => collectCode(path.join(stack, "stack.yml"), parseStack(stackYaml(entry)).definition!, { cacheDir });
const scans = () => vi.mocked(build).mock.calls.length;

beforeEach((context) => {
  stack = path.join(work, context.task.name.replace(/\W+/g, "-"));
  cacheDir = path.join(stack, ".cache");
  write("stack.yml", stackYaml("src/api.ts"));
  write("src/api.ts", `import { greet } from "./lib/greet";\nexport const handler = async () => greet("you");\n`);
  write("src/lib/greet.ts", `export const greet = (n: string) => "hello " + n;\n`);
  vi.mocked(build).mockClear();
});

describe("collectCode with a scan cache", () => {
  it("starts no esbuild when nothing changed, and gives the same code", async () => {
    const first = await collect();
    expect(scans()).toBe(1);
    expect(Object.keys(first)).toEqual(["src/api.ts", "src/lib/greet.ts"]);
    const second = await collect();
    expect(scans()).toBe(1);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("scans again when an imported file changed, and finds what it imports now", async () => {
    await collect();
    write("src/lib/names.ts", `export const you = "you";\n`);
    write("src/lib/greet.ts", `import { you } from "./names";\nexport const greet = (n: string) => "hello " + n + you;\n`);
    const code = await collect();
    expect(scans()).toBe(2);
    expect(Object.keys(code)).toEqual(["src/api.ts", "src/lib/greet.ts", "src/lib/names.ts"]);
    expect(code["src/lib/greet.ts"]).toContain("./names");
  });

  it("packages again when an imported file changed, and reuses the package when nothing did", async () => {
    const locate = () => locateFileCode(parseStack(stackYaml("src/api.ts")).definition!, path.join(stack, "stack.yml"), { region: "us-east-1", cacheDir });
    const first = await locate();
    expect(scans()).toBe(2); // the import scan, then the handler's bundle
    expect((await locate()).artifacts).toEqual(first.artifacts);
    expect(scans()).toBe(2);
    write("src/lib/greet.ts", `export const greet = (n: string) => "hi " + n;\n`);
    const changed = await locate();
    expect(scans()).toBe(4);
    expect(changed.artifacts.api.key).not.toBe(first.artifacts.api.key);
  });

  it("scans again when the entry changed", async () => {
    await collect();
    write("src/other.ts", `export const handler = async () => 1;\n`);
    expect(Object.keys(await collect("src/other.ts"))).toEqual(["src/other.ts"]);
    expect(scans()).toBe(2);
  });

  it("scans again when a new file in a scanned folder could change what an import resolves to", async () => {
    rmSync(path.join(stack, "src/lib/greet.ts"));
    write("src/lib/greet.js", `exports.greet = (n) => "hi " + n;\n`);
    expect(Object.keys(await collect())).toEqual(["src/api.ts", "src/lib/greet.js"]);
    write("src/lib/greet.ts", `export const greet = (n: string) => "hello " + n;\n`);
    expect(Object.keys(await collect())).toEqual(["src/api.ts", "src/lib/greet.ts"]);
    expect(scans()).toBe(2);
  });

  it("scans again when the resolver's configuration changed", async () => {
    await collect();
    write("tsconfig.json", `{ "compilerOptions": {} }\n`);
    await collect();
    expect(scans()).toBe(2);
    await collect();
    expect(scans()).toBe(2);
  });

  it("scans again when an imported file is gone", async () => {
    await collect();
    write("src/api.ts", `export const handler = async () => 1;\n`);
    rmSync(path.join(stack, "src/lib/greet.ts"));
    expect(Object.keys(await collect())).toEqual(["src/api.ts"]);
    expect(scans()).toBe(2);
  });
});
