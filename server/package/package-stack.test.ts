import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { CODE_LIMITS } from "@/lib/stack/limits";
import type { StackDefinition } from "@/lib/stack/schema";
import { codeFiles } from "./code-files";
import { codeLocations } from "./code-locations";
import { packageStack } from "./package-stack";
import { packageFunction, type PackagedFunction } from "./package-function";

// createZip is where the deflate happens: counted, to see what is built and that a refusal builds nothing.
const zips = vi.hoisted(() => ({ created: 0 }));
vi.mock("./zip", async (original) => {
  const actual = await original<typeof import("./zip")>();
  return { ...actual, createZip: (entries: Parameters<typeof actual.createZip>[0]) => (zips.created++, actual.createZip(entries)) };
});
beforeEach(() => {
  zips.created = 0;
});

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

function files(zip: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "lp-pkg-"));
  writeFileSync(path.join(dir, "f.zip"), zip);
  return execFileSync("zipinfo", ["-1", path.join(dir, "f.zip")]).toString().trim().split("\n");
}

function extract(zip: Uint8Array, file: string): string {
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

  it("builds Python functions of one folder once, at the code location each had on its own", async () => {
    const py = (entry: string) => `    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: ${entry}
          handlerFunction: handler`;
    const twoInOneFolder = definition(`resources:\n  orders:\n${py("py/report.py")}\n  refunds:\n${py("./py/refunds.py")}\n  lost:\n${py("py/lost.py")}\n`);
    const code = { ...CODE, "py/refunds.py": "def handler(event, context):\n    return 2\n" };
    const { packages, diagnostics } = await packageStack(twoInOneFolder, code);
    expect(zips.created).toBe(1);
    // A missing entry is not hidden by its folder's package.
    expect(diagnostics.map((d) => d.message)).toEqual(["lost: the entry file py/lost.py is not in the stack's code"]);
    expect(files(byName(packages, "orders").zip)).toEqual(["helpers/fmt.py", "refunds.py", "report.py"]);

    const alone = async (name: string, entryfilePath: string) => {
      const result = await packageFunction(codeFiles(code).files, { name, kind: "function", runtime: "python3.14", entryfilePath });
      if (!result.ok) throw new Error(result.errors.join("; "));
      return result.package;
    };
    const before = codeLocations([await alone("orders", "py/report.py"), await alone("refunds", "./py/refunds.py")], "b");
    expect(codeLocations(packages, "b")).toEqual(before);
  });

  it("refuses a stack whose packages take in more than the packaging limit, naming the function, before deflating anything", async () => {
    // Nested folders with a function each: every package holds the 9 MB at the bottom (the review's attack, scaled down).
    const folders = ["", "a/", "a/b/", "a/b/c/", "a/b/c/d/", "a/b/c/d/e/"];
    const code: Record<string, string> = Object.fromEntries(folders.map((f, i) => [`${f}f${i}.py`, "def handler(event, context):\n    return 1\n"]));
    for (let i = 0; i < 9; i++) code[`a/b/c/d/e/data${i}.txt`] = String(i).repeat(1_000_000);
    const nested = definition(
      `resources:\n${folders.map((f, i) => `  f${i}:\n    type: function\n    properties:\n      packaging:\n        type: stacktape-lambda-buildpack\n        properties:\n          entryfilePath: ${f}f${i}.py\n`).join("")}`,
    );
    const { packages, diagnostics, failed } = await packageStack(nested, code);
    expect(zips.created).toBe(0);
    expect(packages).toEqual([]);
    expect(failed).toEqual(["f0", "f1", "f2", "f3", "f4", "f5"]);
    // 9 MB a package: the fifth takes the input to 45 MB, past 40 MiB.
    expect(CODE_LIMITS.packagingBytes).toBe(40 * 1024 * 1024);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        code: "package",
        message: expect.stringMatching(/^f4: not packaged: with this function the stack's packages take in more than 40 MiB of code together \(the packaging limit;/),
        path: ["resources", "f4", "properties", "packaging"],
      },
    ]);
  });
});
