import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { StackDefinition } from "@/lib/stack/schema";
import { packageStack } from "./package-stack";
import type { PackagedFunction } from "./package-function";

const definition = (yaml: string) => parse(yaml) as StackDefinition;

const TWO_FUNCTIONS = definition(`
resources:
  api:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: ./src/api.ts
  report:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: py/report.py
`);

const CODE = {
  "src/api.ts": `import { greet } from "./lib/greet.js";\nimport { createHash } from "node:crypto";\nimport type { X } from "@aws-sdk/client-s3";\nexport default async (e: { name: string }) => ({ text: greet(e.name), h: createHash("md5").update("a").digest("hex") });\n`,
  "src/lib/greet.ts": `export const greet = (n: string): string => "hello " + n;\n`,
  "src/unused.ts": `export const x = 1;\n`,
  "py/report.py": `def handler(event, context):\n    return {"ok": True}\n`,
  "py/helpers/fmt.py": `def fmt(x):\n    return str(x)\n`,
};

function files(zip: Buffer): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "lp-pkg-"));
  writeFileSync(path.join(dir, "f.zip"), zip);
  return execFileSync("zipinfo", ["-1", path.join(dir, "f.zip")]).toString().trim().split("\n");
}

function extract(zip: Buffer, file: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lp-pkg-"));
  writeFileSync(path.join(dir, "f.zip"), zip);
  return execFileSync("unzip", ["-p", path.join(dir, "f.zip"), file]).toString();
}

/** Loads a CommonJS bundle the way Lambda's Node.js runtime does and returns its exports. */
function load(source: string): Record<string, unknown> {
  const cjs = { exports: {} as Record<string, unknown> };
  vm.runInNewContext(source, { module: cjs, exports: cjs.exports, require: createRequire(import.meta.url) });
  return cjs.exports;
}

const byName = (packages: PackagedFunction[], name: string) => packages.find((p) => p.name === name)!;

describe("packageStack", () => {
  it("bundles a TypeScript handler with its relative imports into a runnable index.js", async () => {
    const { packages, diagnostics } = await packageStack(TWO_FUNCTIONS, CODE);
    expect(diagnostics).toEqual([]);
    const api = byName(packages, "api");
    expect(files(api.zip)).toEqual(["index.js"]);
    const handler = load(extract(api.zip, "index.js")).default as (e: { name: string }) => Promise<{ text: string; h: string }>;
    expect(await handler({ name: "ada" })).toEqual({ text: "hello ada", h: "0cc175b9c0f1b6a831c399e269772661" });
    expect(api).toMatchObject({ kind: "function", runtime: "nodejs24.x", zippedBytes: api.zip.length });
    expect(api.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("zips a Python handler's folder as it is", async () => {
    const { packages } = await packageStack(TWO_FUNCTIONS, CODE);
    const report = byName(packages, "report");
    expect(files(report.zip)).toEqual(["helpers/fmt.py", "report.py"]);
    expect(extract(report.zip, "report.py")).toBe(CODE["py/report.py"]);
    expect(report.runtime).toBe("python3.14");
  });

  it("gives the same hash for the same code, a new one when an imported file changes, and ignores files the bundle does not use", async () => {
    const hash = async (code: Record<string, string>) => byName((await packageStack(TWO_FUNCTIONS, code)).packages, "api").sha256;
    const base = await hash(CODE);
    expect(await hash({ ...CODE })).toBe(base);
    expect(await hash({ ...CODE, "src/unused.ts": "export const x = 2;\n" })).toBe(base);
    expect(await hash({ ...CODE, "src/lib/greet.ts": `export const greet = (n: string): string => "hi " + n;\n` })).not.toBe(base);
  });

  it("reports a missing import and a package import at the function's packaging", async () => {
    const { packages, diagnostics } = await packageStack(TWO_FUNCTIONS, {
      ...CODE,
      "src/api.ts": `import { a } from "./nope";\nimport z from "zod";\nexport default () => [a, z];\n`,
    });
    expect(packages.map((p) => p.name)).toEqual(["report"]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "api: src/api.ts:1:19: cannot find './nope' in the stack's code",
      "api: src/api.ts:2:15: 'zod' is a package: only the stack's own files, Node.js built-ins and the AWS SDK (provided by Lambda) can be imported",
    ]);
    expect(diagnostics[0].path).toEqual(["resources", "api", "properties", "packaging"]);
  });

  it("reports an entry file that is not in the code", async () => {
    const { diagnostics } = await packageStack(TWO_FUNCTIONS, { "src/api.ts": CODE["src/api.ts"], "src/lib/greet.ts": CODE["src/lib/greet.ts"] });
    expect(diagnostics.map((d) => d.message)).toEqual(["report: the entry file py/report.py is not in the stack's code"]);
  });

  it("refuses runtimes that need a compiler", async () => {
    const java = definition(`
resources:
  j:
    type: function
    properties:
      runtime: java21
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/Main.java
          handlerFunction: a.B::c
`);
    const { diagnostics } = await packageStack(java, { "src/Main.java": "class Main {}" });
    expect(diagnostics[0].message).toMatch(/^j: Lambdaplane builds Node.js, Python and Ruby code; java21 needs a build of its own/);
  });

  it("holds viewer edge functions to 1 MiB zipped, origin ones to 50 MiB", async () => {
    // 1.2 MB of pseudo-random bytes as base64 deflate to about 1.2 MB: over 1 MiB, far under 50.
    const chunks = Array.from({ length: 37_500 }, (_, i) => createHash("sha256").update(String(i)).digest());
    const noise = Buffer.concat(chunks).toString("base64");
    const code = { "edge/big.ts": `export default () => ${JSON.stringify(noise)}.length;\n` };
    const edge = (trigger: string) =>
      definition(`
resources:
  site:
    type: bucket
    properties:
      cdn:
        enabled: true
        edgeFunctions:
          ${trigger}: big
  big:
    type: edge-lambda-function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: edge/big.ts
`);
    const viewer = await packageStack(edge("onRequest"), code);
    expect(viewer.packages).toEqual([]);
    expect(viewer.diagnostics[0].message).toMatch(
      /^big: the zipped package is 1\.\d MiB \(\d+ bytes\); an edge function on a viewer trigger \(onRequest\/onResponse\) allows at most 1\.0 MiB$/,
    );
    const origin = await packageStack(edge("onOriginRequest"), code);
    expect(origin.diagnostics).toEqual([]);
    expect(origin.packages[0]).toMatchObject({ kind: "edge-origin" });
    expect(origin.packages[0].zippedBytes).toBeGreaterThan(1024 * 1024);
  });
});
