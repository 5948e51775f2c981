import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageFunction, type FunctionSource } from "@/server/package/package-function";
import { cachedPackager, defaultCacheDir, packageCacheKey } from "./package-cache";
import type { CodeFiles } from "@/server/package/code-files";

const dir = mkdtempSync(path.join(tmpdir(), "lambdaplane-package-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source: FunctionSource = { name: "api", kind: "function", runtime: "nodejs22.x", entryfilePath: "src/api.ts" };
const files = (greeting: string) => new Map([["src/api.ts", `export const handler = async () => "${greeting}";\n`]]);

/** Prepared and zipped, as packageStack does with a package within the limit. */
async function cached(cacheDir: string, code: CodeFiles, of: FunctionSource) {
  const prepared = await cachedPackager(cacheDir)(code, of);
  return prepared.ok ? prepared.zip() : prepared;
}

describe("cachedPackager", () => {
  it("gives the deploy's package, and the same bytes again from the cache", async () => {
    const code = files("hello");
    const built = await cached(dir, code, source);
    const direct = await packageFunction(code, source);
    if (!built.ok || !direct.ok) throw new Error("packaging failed");
    expect(built.package.sha256).toBe(direct.package.sha256);
    expect(readdirSync(path.join(dir, "zips"))).toEqual([`${built.package.sha256}.zip`]);

    // A hit is read from the cache: a zip stored under its hash and nothing else.
    const again = await cached(dir, files("hello"), { ...source, name: "other" });
    if (!again.ok) throw new Error("packaging failed");
    expect(again.package).toMatchObject({ name: "other", sha256: built.package.sha256, zippedBytes: built.package.zippedBytes, unzippedBytes: built.package.unzippedBytes });
    expect(again.package.zip).toEqual(built.package.zip);
  });

  it("keys on the code, the runtime and the size limit", () => {
    const key = packageCacheKey(files("hello"), source);
    expect(packageCacheKey(files("hello!"), source)).not.toBe(key);
    expect(packageCacheKey(files("hello"), { ...source, runtime: "nodejs24.x" })).not.toBe(key);
    expect(packageCacheKey(files("hello"), { ...source, kind: "edge-viewer" })).not.toBe(key);
    expect(packageCacheKey(files("hello"), { ...source, name: "renamed" })).toBe(key);
  });

  it("builds again when a cached zip does not match its hash", async () => {
    const first = await cached(dir, files("tampered"), source);
    if (!first.ok) throw new Error("packaging failed");
    const zip = path.join(dir, "zips", `${first.package.sha256}.zip`);
    writeFileSync(zip, "not a zip");
    const second = await cached(dir, files("tampered"), source);
    if (!second.ok) throw new Error("packaging failed");
    expect(second.package.zip).toEqual(first.package.zip);
  });

  it("works without a usable folder", async () => {
    const blocked = path.join(dir, "a-file");
    writeFileSync(blocked, "");
    const result = await cached(path.join(blocked, "cache"), files("hello"), source);
    expect(result.ok).toBe(true);
    expect(existsSync(path.join(blocked, "cache"))).toBe(false);
  });

  it("lives under XDG_CACHE_HOME or ~/.cache unless LAMBDAPLANE_CACHE_DIR names it", () => {
    expect(defaultCacheDir({ LAMBDAPLANE_CACHE_DIR: "/c" })).toBe("/c");
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/x" })).toBe(path.join("/x", "lambdaplane", "packages"));
  });
});
