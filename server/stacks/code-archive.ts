import { createZip } from "@/server/package/zip";
import { codePathProblem } from "@/server/package/code-files";
import type { RevisionCode } from "./revision-code";

// A revision's handler files as the zip its export downloads (a compute task: up to 10 MB of deflate). Pure.

/**
 * Deterministic: the same code always gives the same bytes. Paths the save rules refuse (stored
 * before they were checked on every save) are left out, so no entry can unzip outside the folder.
 */
export function codeArchive(code: RevisionCode): Uint8Array {
  const safe = Object.entries(code).filter(([path]) => codePathProblem(path) === null);
  return createZip(safe.map(([path, source]) => ({ path, data: Buffer.from(source, "utf8") })));
}
