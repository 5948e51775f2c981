import type { Diagnostic } from "@/lib/stack/diagnostics";
import { CODE_LIMITS } from "@/lib/stack/limits";
import { detectRuntime } from "@/lib/stack/runtime";
import type { StackDefinition } from "@/lib/stack/schema";
import { codeFiles, type CodeFiles } from "./code-files";
import type { FunctionKind } from "./limits";
import { packageKey, preparePackage, type FunctionSource, type PackagedFunction, type PackageResult, type PreparedPackage } from "./package-function";

// Every function of a definition that Lambdaplane builds (stacktape-lambda-buildpack packaging),
// packaged from the revision's code. Problems are diagnostics located at the function's packaging.
// Packages that would be byte-identical are built once (packageKey), and together they take in at
// most CODE_LIMITS.packagingBytes, counted before anything is deflated: the work is bounded by that.

const VIEWER_TRIGGERS = ["onRequest", "onResponse"] as const;

/** Edge functions on a viewer trigger anywhere in the stack get the viewer limits. */
function viewerEdgeFunctions(definition: StackDefinition): Set<string> {
  const names = new Set<string>();
  for (const resource of Object.values(definition.resources)) {
    if (resource.type !== "bucket") continue;
    const edge = resource.properties?.cdn?.edgeFunctions;
    for (const trigger of VIEWER_TRIGGERS) if (edge?.[trigger]) names.add(edge[trigger]);
  }
  return names;
}

export function functionSources(definition: StackDefinition): { sources: FunctionSource[]; diagnostics: Diagnostic[] } {
  const viewer = viewerEdgeFunctions(definition);
  const sources: FunctionSource[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [name, resource] of Object.entries(definition.resources)) {
    if (resource.type !== "function" && resource.type !== "edge-lambda-function") continue;
    const packaging = resource.properties.packaging;
    if (packaging.type !== "stacktape-lambda-buildpack") continue;
    const { entryfilePath } = packaging.properties;
    const runtime = resource.properties.runtime ?? detectRuntime(entryfilePath);
    if (runtime === undefined) {
      diagnostics.push({
        severity: "error",
        code: "package",
        message: `cannot tell the language of '${entryfilePath}' from its extension: set runtime`,
        path: ["resources", name, "properties", "packaging", "properties", "entryfilePath"],
      });
      continue;
    }
    const kind: FunctionKind = resource.type === "function" ? "function" : viewer.has(name) ? "edge-viewer" : "edge-origin";
    sources.push({ name, kind, runtime, entryfilePath });
  }
  return { sources, diagnostics };
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Prepares one function's package; the CLI passes one that keeps a cache on disk. */
export type PreparePackage = (files: CodeFiles, source: FunctionSource) => Promise<PreparedPackage>;

const MiB = 1024 * 1024;
const overLimit = (name: string) =>
  `${name}: not packaged: with this function the stack's packages take in more than ${CODE_LIMITS.packagingBytes / MiB} MiB of code together (the packaging limit; ` +
  `a file counts once per package that holds it): put functions that share files in one folder, or import less into each bundle`;

/** Each distinct package prepared, in order; once their input is past the limit, the rest are not (null). */
async function prepareWithin(files: CodeFiles, distinct: FunctionSource[], prepare: PreparePackage): Promise<(PreparedPackage | null)[]> {
  let taken = 0;
  return mapLimited(distinct, 8, async (source) => {
    if (taken > CODE_LIMITS.packagingBytes) return null;
    const one = await prepare(files, source);
    if (one.ok) taken += one.inputBytes;
    return one;
  });
}

/** What a packaging job stopped for taking too long should make smaller (the compute pool's message). */
export const PACKAGING_SMALLER = "the functions' code smaller (fewer or smaller files and dependencies)";

/** The first function (in definition order) whose package takes the stack's input past the limit, if any. */
function crossing(distinct: FunctionSource[], prepared: (PreparedPackage | null)[]): string | undefined {
  let taken = 0;
  const i = prepared.findIndex((one) => (taken += one?.ok ? one.inputBytes : 0) > CODE_LIMITS.packagingBytes);
  return i === -1 ? undefined : distinct[i].name;
}

export async function packageStack(
  definition: StackDefinition,
  code: unknown,
  prepare: PreparePackage = preparePackage,
): Promise<{ packages: PackagedFunction[]; diagnostics: Diagnostic[]; failed: string[] }> {
  const { files, invalid } = codeFiles(code);
  const { sources, diagnostics } = functionSources(definition);
  const failed = diagnostics.map((d) => String(d.path[1]));
  for (const key of invalid) {
    diagnostics.push({ severity: "warning", code: "package", message: `the code file '${key}' has a path outside the stack's folder and is ignored`, path: [] });
  }
  const keys = new Map(sources.map((s) => [s, packageKey(files, s)]));
  const distinct = [...new Map(sources.map((s) => [keys.get(s)!, s])).values()];
  const prepared = await prepareWithin(files, distinct, prepare);
  const crossed = crossing(distinct, prepared);
  if (crossed !== undefined) {
    // Nothing is zipped: one diagnostic, at the function that crossed the limit.
    diagnostics.push({ severity: "error", code: "package", message: overLimit(crossed), path: ["resources", crossed, "properties", "packaging"] });
    return { packages: [], diagnostics, failed: [...failed, ...sources.map((s) => s.name)] };
  }
  // Within the limit, every package was prepared.
  const built = await mapLimited(prepared as PreparedPackage[], 8, async (one): Promise<PackageResult> => (one.ok ? one.zip() : one));
  const byKey = new Map(distinct.map((s, i) => [keys.get(s)!, built[i]]));
  const packages: PackagedFunction[] = [];
  for (const source of sources) {
    const result = byKey.get(keys.get(source)!)!;
    const name = source.name;
    if (result.ok) {
      packages.push({ ...result.package, name });
      continue;
    }
    failed.push(name);
    for (const message of result.errors) {
      diagnostics.push({ severity: "error", code: "package", message: `${name}: ${message}`, path: ["resources", name, "properties", "packaging"] });
    }
  }
  return { packages, diagnostics, failed };
}
