import type { Diagnostic } from "@/lib/stack/diagnostics";
import { detectRuntime } from "@/lib/stack/runtime";
import type { StackDefinition } from "@/lib/stack/schema";
import { codeFiles, type CodeFiles } from "./code-files";
import type { FunctionKind } from "./limits";
import { packageFunction, type FunctionSource, type PackagedFunction, type PackageResult } from "./package-function";

// Every function of a definition that Lambdaplane builds (stacktape-lambda-buildpack packaging),
// packaged from the revision's code. Problems are diagnostics located at the function's packaging.

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

/** Packages one function; the CLI passes one that keeps a cache on disk. */
export type PackageOne = (files: CodeFiles, source: FunctionSource) => Promise<PackageResult>;

/** Functions built from the same entry, runtime and size limit get the same bytes: each is packaged once. */
const packagingKey = (source: FunctionSource) => `${source.runtime}\0${source.kind}\0${source.entryfilePath}`;

export async function packageStack(
  definition: StackDefinition,
  code: unknown,
  packageOne: PackageOne = packageFunction,
): Promise<{ packages: PackagedFunction[]; diagnostics: Diagnostic[]; failed: string[] }> {
  const { files, invalid } = codeFiles(code);
  const { sources, diagnostics } = functionSources(definition);
  const failed = diagnostics.map((d) => String(d.path[1]));
  for (const key of invalid) {
    diagnostics.push({ severity: "warning", code: "package", message: `the code file '${key}' has a path outside the stack's folder and is ignored`, path: [] });
  }
  const distinct = [...new Map(sources.map((s) => [packagingKey(s), s])).values()];
  const built = await mapLimited(distinct, 8, (source) => packageOne(files, source));
  const byKey = new Map(distinct.map((s, i) => [packagingKey(s), built[i]]));
  const packages: PackagedFunction[] = [];
  for (const source of sources) {
    const result = byKey.get(packagingKey(source))!;
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
