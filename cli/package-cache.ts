// A content-addressed cache of packaged functions on disk, so `render` does not bundle and zip
// code that has not changed since the last run. The key covers everything a package is made
// from (the code files, the entry, the runtime, the size limit, esbuild's version); a hit is the
// zip stored under its own sha256, checked again on the way out. The cache only saves time: a
// folder that cannot be read or written means packaging as if it were empty.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CodeFiles } from "@/server/package/code-files";
import { esbuildVersion } from "./esbuild-version";
import { preparePackage, type FunctionSource, type PackageResult } from "@/server/package/package-function";
import type { PreparePackage } from "@/server/package/package-stack";

// Bumped when packaging changes what it makes from the same inputs.
const FORMAT = 1;

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.LAMBDAPLANE_CACHE_DIR) return env.LAMBDAPLANE_CACHE_DIR;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "lambdaplane", "packages");
}

const digests = new WeakMap<CodeFiles, string>();

/** One hash of every code file (path and content), computed once per code map. */
function codeDigest(files: CodeFiles): string {
  let digest = digests.get(files);
  if (digest === undefined) {
    const hash = createHash("sha256");
    for (const p of [...files.keys()].sort()) hash.update(`${p}\0${sha256(files.get(p)!)}\n`);
    digest = hash.digest("hex");
    digests.set(files, digest);
  }
  return digest;
}

export function packageCacheKey(files: CodeFiles, source: FunctionSource): string {
  return sha256(JSON.stringify([FORMAT, esbuildVersion(), source.runtime, source.kind, source.entryfilePath, codeDigest(files)]));
}

interface Entry {
  sha256: string;
  unzippedBytes: number;
}

async function lookup(dir: string, key: string, source: FunctionSource): Promise<PackageResult | undefined> {
  try {
    const entry = JSON.parse(await readFile(path.join(dir, "keys", `${key}.json`), "utf8")) as Entry;
    const zip = await readFile(path.join(dir, "zips", `${entry.sha256}.zip`));
    if (sha256(zip) !== entry.sha256) return undefined;
    const { name, kind, runtime } = source;
    return { ok: true, package: { name, kind, runtime, zip, sha256: entry.sha256, zippedBytes: zip.length, unzippedBytes: entry.unzippedBytes } };
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

async function store(dir: string, key: string, result: PackageResult): Promise<void> {
  if (!result.ok) return;
  const { sha256: hash, zip, unzippedBytes } = result.package;
  try {
    await writeAtomically(path.join(dir, "zips", `${hash}.zip`), zip);
    await writeAtomically(path.join(dir, "keys", `${key}.json`), JSON.stringify({ sha256: hash, unzippedBytes } satisfies Entry));
  } catch {
    // A read-only or full disk: the next run packages again.
  }
}

/** preparePackage with the cache in `dir` in front of it; a hit neither bundles nor deflates, so it takes in nothing. */
export function cachedPackager(dir: string): PreparePackage {
  return async (files, source) => {
    const key = packageCacheKey(files, source);
    const hit = await lookup(dir, key, source);
    if (hit) return { ok: true, inputBytes: 0, zip: async () => hit };
    const prepared = await preparePackage(files, source);
    if (!prepared.ok) return prepared;
    return {
      ...prepared,
      zip: async () => {
        const result = await prepared.zip();
        await store(dir, key, result);
        return result;
      },
    };
  };
}
