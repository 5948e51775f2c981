import path from "node:path";

// A stack revision's handler sources ({ "relative/path.ts": "source" }, paths relative to the
// definition file) as a read-only in-memory file tree. Pure.

export type CodeFiles = ReadonlyMap<string, string>;

/** "./src//a.ts" -> "src/a.ts"; null for paths that leave the tree or are absolute. */
export function normalizeCodePath(p: string): string | null {
  const normalized = path.posix.normalize(p.replace(/\\/g, "/"));
  if (normalized.startsWith("/") || normalized === ".." || normalized.startsWith("../") || normalized === ".") return null;
  return normalized.replace(/^\.\//, "");
}

/**
 * Why `name` cannot be a stored handler file path, or null: the one rule for every path that stores
 * code (import zip entries, and every save of a revision), so nothing stored can leave the stack's
 * folder when it is packaged or exported.
 */
export function codePathProblem(name: string, folder = "the definition's folder"): string | null {
  if (name.includes("\\")) return "uses backslashes; paths use forward slashes";
  if (/^[A-Za-z]:/.test(name) || name.startsWith("/")) return "is an absolute path";
  if (name.split("/").includes("..")) return `leaves ${folder} (..)`;
  if (normalizeCodePath(name) === null) return `is not a file path inside ${folder}`;
  return null;
}

/** The code map with normalized keys; entries whose path cannot be normalized are left out and reported. */
export function codeFiles(code: unknown): { files: CodeFiles; invalid: string[] } {
  const files = new Map<string, string>();
  const invalid: string[] = [];
  if (typeof code !== "object" || code === null) return { files, invalid };
  for (const [key, value] of Object.entries(code as Record<string, unknown>)) {
    const normalized = normalizeCodePath(key);
    if (normalized === null || typeof value !== "string") invalid.push(key);
    else files.set(normalized, value);
  }
  return { files, invalid };
}

const SCRIPT_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json"];
// TypeScript's ESM convention imports "./util.js" for util.ts.
const TS_SOURCE_FOR: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

/** Node-style resolution of a relative import inside the tree: the file, its TS source, + extension, or /index. */
export function resolveCodeFile(files: CodeFiles, candidate: string): string | undefined {
  const base = normalizeCodePath(candidate);
  if (base === null) return undefined;
  if (files.has(base)) return base;
  const ext = path.posix.extname(base);
  for (const alt of TS_SOURCE_FOR[ext] ?? []) {
    const swapped = base.slice(0, -ext.length) + alt;
    if (files.has(swapped)) return swapped;
  }
  for (const e of SCRIPT_EXTENSIONS) if (files.has(base + e)) return base + e;
  for (const e of SCRIPT_EXTENSIONS) if (files.has(`${base}/index${e}`)) return `${base}/index${e}`;
  return undefined;
}

/** Every file under `dir` ("" for the root), as paths relative to it. */
export function filesUnder(files: CodeFiles, dir: string): { path: string; relative: string }[] {
  const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
  return [...files.keys()].filter((p) => p.startsWith(prefix)).map((p) => ({ path: p, relative: p.slice(prefix.length) }));
}
