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
  /** A Uint8Array, not a Buffer: that is what a package is after it crossed from a compute worker. */
  zip: Uint8Array;
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
const zippedAsIs = (runtime: string) => runtime.startsWith("python") || runtime.startsWith("ruby");

/** The folder whose files a zipped-as-is package holds: the entry's ("" for the root). */
function folderOf(entry: string): string {
  const dir = path.posix.dirname(entry);
  return dir === "." ? "" : dir;
}

function zipAsIs(files: CodeFiles, entry: string): ZipEntry[] {
  return filesUnder(files, folderOf(entry))
    .filter((f) => !NODE_SOURCE.test(f.relative))
    .map((f) => ({ path: f.relative, data: Buffer.from(files.get(f.path) ?? "", "utf8") }));
}

/**
 * Sources with the same key get the same package, so a stack builds it once. A folder zipped as it
 * is holds the same bytes whichever of its files is the entry (the handler's name goes into the
 * template, not the archive); a missing entry keeps a key of its own, as its error names it. The
 * kind is in the key for its size limit.
 */
export function packageKey(files: CodeFiles, source: FunctionSource): string {
  const entry = normalizeCodePath(source.entryfilePath);
  const folder = entry !== null && zippedAsIs(source.runtime) && files.has(entry) ? folderOf(entry) : undefined;
  return `${source.runtime}\0${source.kind}\0${folder === undefined ? `entry ${source.entryfilePath}` : `folder ${folder}/`}`;
}

async function entriesFor(files: CodeFiles, source: FunctionSource, entry: string): Promise<{ ok: true; entries: ZipEntry[] } | { ok: false; errors: string[] }> {
  if (source.runtime.startsWith("nodejs")) {
    const bundled = await bundleNodeHandler(files, entry, source.runtime);
    return bundled.ok ? { ok: true, entries: [{ path: "index.js", data: bundled.code }] } : bundled;
  }
  if (zippedAsIs(source.runtime)) {
    if (!files.has(entry)) return { ok: false, errors: [`the entry file ${entry} is not in the stack's code`] };
    return { ok: true, entries: zipAsIs(files, entry) };
  }
  return {
    ok: false,
    errors: [`Lambdaplane builds Node.js, Python and Ruby code; ${source.runtime} needs a build of its own: use s3-artifact or container-image packaging`],
  };
}

/**
 * A function's package before it is zipped: what it takes in is known, so a stack can count its
 * packages' input against CODE_LIMITS.packagingBytes before it deflates any of them.
 */
export type PreparedPackage = { ok: true; inputBytes: number; zip: () => Promise<PackageResult> } | { ok: false; errors: string[] };

export async function preparePackage(files: CodeFiles, source: FunctionSource): Promise<PreparedPackage> {
  const entry = normalizeCodePath(source.entryfilePath);
  if (entry === null) return { ok: false, errors: [`the entry file path ${source.entryfilePath} leaves the stack's folder`] };
  const built = await entriesFor(files, source, entry);
  if (!built.ok) return built;
  const inputBytes = built.entries.reduce((n, e) => n + e.data.length, 0);
  return { ok: true, inputBytes, zip: async () => zipPackage(source, built.entries, inputBytes) };
}

function zipPackage(source: FunctionSource, entries: ZipEntry[], unzippedBytes: number): PackageResult {
  const zip = createZip(entries);
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

/** One function on its own, prepared and zipped. */
export async function packageFunction(files: CodeFiles, source: FunctionSource): Promise<PackageResult> {
  const prepared = await preparePackage(files, source);
  return prepared.ok ? prepared.zip() : prepared;
}
