// The handler sources a stack revision carries: for every function Lambdaplane builds, its entry
// file and every local file it imports (found by esbuild, as the server's bundler will), keyed by
// path relative to the definition file.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { StackDefinition } from "@/lib/stack/schema";
import { entryFiles } from "@/server/stacks/entry-files";
import { scanCache } from "./scan-cache";

const SCRIPT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Paths relative to `baseDir` of the entries and their local imports; an import outside `baseDir` is an error. */
async function localFiles(baseDir: string, entries: string[]): Promise<string[]> {
  const scripts = entries.filter((e) => SCRIPT.test(e));
  const files = new Set(entries.filter((e) => !SCRIPT.test(e)).map((e) => path.posix.normalize(e)));
  if (scripts.length > 0) {
    // Loaded here: a render whose scan is cached never needs esbuild.
    const { build } = await import("esbuild");
    const result = await build({
      absWorkingDir: baseDir,
      entryPoints: scripts,
      bundle: true,
      write: false,
      metafile: true,
      packages: "external",
      platform: "node",
      outdir: "out",
      logLevel: "silent",
    }).catch((e: { errors?: { text: string; location?: { file: string; line: number } | null }[] }) => {
      const first = e.errors?.[0];
      throw new Error(first ? `${first.location ? `${first.location.file}:${first.location.line}: ` : ""}${first.text}` : String(e));
    });
    for (const input of Object.keys(result.metafile!.inputs)) files.add(input);
  }
  for (const f of files) {
    if (f.startsWith("../") || path.isAbsolute(f)) throw new Error(`${f} is outside the folder of the stack definition; handler code must live under it`);
  }
  return [...files].sort();
}

async function readCode(baseDir: string, files: readonly string[]): Promise<Map<string, Buffer>> {
  const bytes = new Map<string, Buffer>();
  for (const file of files) {
    try {
      bytes.set(file, await readFile(path.join(baseDir, file)));
    } catch (e) {
      throw new Error(`cannot read the handler file ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
    }
  }
  return bytes;
}

/** With `cacheDir`, the scan of the imports is reused while none of its inputs changed (scan-cache.ts). */
export async function collectCode(definitionFile: string, definition: StackDefinition, options: { cacheDir?: string } = {}): Promise<Record<string, string>> {
  const baseDir = path.dirname(path.resolve(definitionFile));
  const entries = [...new Set(entryFiles(definition).map((e) => e.entryfilePath))];
  const cache = options.cacheDir === undefined ? undefined : scanCache(options.cacheDir, baseDir, entries);
  const reused = await cache?.reuse();
  if (reused) return reused;
  const bytes = await readCode(baseDir, await localFiles(baseDir, entries));
  await cache?.store(bytes);
  return Object.fromEntries([...bytes].map(([file, data]) => [file, data.toString("utf8")]));
}
