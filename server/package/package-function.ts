import { createHash } from "node:crypto";
import path from "node:path";
import { bundleNodeHandler } from "./bundle-node";
import { filesUnder, normalizeCodePath, type CodeFiles } from "./code-files";
import { sizeProblem, type FunctionKind } from "./limits";
import { createZip, type ZipEntry } from "./zip";

// One function's code -> a deterministic zip and its content hash.

export interface PackagedFunction {
  name: string;
  kind: FunctionKind;
  runtime: string;
  zip: Buffer;
  /** Hex sha256 of the zip: the same code always gives the same value. */
  sha256: string;
  zippedBytes: number;
  unzippedBytes: number;
}

export interface FunctionSource {
  name: string;
  kind: FunctionKind;
  runtime: string;
  entryfilePath: string;
}

export type PackageResult = { ok: true; package: PackagedFunction } | { ok: false; errors: string[] };

const NODE_SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Interpreted languages whose files Lambda runs as they are. */
function zipAsIs(files: CodeFiles, entry: string): ZipEntry[] {
  const dir = path.posix.dirname(entry);
  return filesUnder(files, dir === "." ? "" : dir)
    .filter((f) => !NODE_SOURCE.test(f.relative))
    .map((f) => ({ path: f.relative, data: Buffer.from(files.get(f.path) ?? "", "utf8") }));
}

async function entriesFor(files: CodeFiles, source: FunctionSource, entry: string): Promise<{ ok: true; entries: ZipEntry[] } | { ok: false; errors: string[] }> {
  if (source.runtime.startsWith("nodejs")) {
    const bundled = await bundleNodeHandler(files, entry, source.runtime);
    return bundled.ok ? { ok: true, entries: [{ path: "index.js", data: bundled.code }] } : bundled;
  }
  if (source.runtime.startsWith("python") || source.runtime.startsWith("ruby")) {
    if (!files.has(entry)) return { ok: false, errors: [`the entry file ${entry} is not in the stack's code`] };
    return { ok: true, entries: zipAsIs(files, entry) };
  }
  return {
    ok: false,
    errors: [`Lambdaplane builds Node.js, Python and Ruby code; ${source.runtime} needs a build of its own: use s3-artifact or container-image packaging`],
  };
}

export async function packageFunction(files: CodeFiles, source: FunctionSource): Promise<PackageResult> {
  const entry = normalizeCodePath(source.entryfilePath);
  if (entry === null) return { ok: false, errors: [`the entry file path ${source.entryfilePath} leaves the stack's folder`] };
  const built = await entriesFor(files, source, entry);
  if (!built.ok) return built;
  const zip = createZip(built.entries);
  const unzippedBytes = built.entries.reduce((n, e) => n + e.data.length, 0);
  const problem = sizeProblem(source.kind, zip.length, unzippedBytes);
  if (problem) return { ok: false, errors: [problem] };
  return {
    ok: true,
    package: {
      name: source.name,
      kind: source.kind,
      runtime: source.runtime,
      zip,
      sha256: createHash("sha256").update(zip).digest("hex"),
      zippedBytes: zip.length,
      unzippedBytes,
    },
  };
}
