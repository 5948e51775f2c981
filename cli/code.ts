// The code locations of a definition file's functions: the handler files next to it are read as a
// revision uploaded by `deploy --file` carries them (deploy/code-files.ts) and packaged as the deploy
// packages them (server/package/code-locations.ts), through the package cache on disk.
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { StackDefinition } from "@/lib/stack/schema";
import { locateCode, type LocatedCode } from "@/server/package/code-locations";
import { entryFiles } from "@/server/stacks/entry-files";
import { collectCode } from "./deploy/code-files";
import { cachedPackager, defaultCacheDir } from "./package-cache";

async function missingEntries(definition: StackDefinition, baseDir: string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const entry of entryFiles(definition)) {
    const file = path.resolve(baseDir, entry.entryfilePath);
    const problem = await stat(file).then(
      (s) => (s.isFile() ? undefined : "is not a file"),
      (e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? "does not exist" : `cannot be read (${e.message})`),
    );
    if (problem) {
      diagnostics.push({ severity: "error", code: "file", message: `entry file ${path.relative(process.cwd(), file) || file} ${problem}`, path: entry.path });
    }
  }
  return diagnostics;
}

export async function locateFileCode(
  definition: StackDefinition,
  definitionFile: string,
  options: { region: string; cacheDir?: string },
): Promise<Pick<LocatedCode, "artifacts" | "diagnostics">> {
  const missing = await missingEntries(definition, path.dirname(definitionFile));
  if (missing.length > 0) return { artifacts: {}, diagnostics: missing };
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  let code: Record<string, string>;
  try {
    code = await collectCode(definitionFile, definition, { cacheDir });
  } catch (e) {
    return { artifacts: {}, diagnostics: [{ severity: "error", code: "file", message: (e as Error).message, path: [] }] };
  }
  return locateCode(definition, code, { region: options.region, prepare: cachedPackager(cacheDir) });
}
