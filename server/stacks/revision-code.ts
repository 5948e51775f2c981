import { ActionError } from "@/server/auth/errors";
import { codePathProblem, normalizeCodePath } from "@/server/package/code-files";
import { CODE_LIMITS } from "@/lib/stack/limits";
import { sourceLocator, type StackDefinition } from "@/lib/stack";
import { entryFiles } from "./entry-files";

// What every save of a revision (REST PUT, the editor's save, restore, import) may store as handler
// code: the import's path rules and the same bounds, so a path such as ../../../etc/passwd never
// reaches the database, the packager or an exported zip. Pure.

/** Handler sources keyed by path relative to the definition file, as stored with a revision. */
export type RevisionCode = Record<string, string>;

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function refuse(field: string, problem: string): never {
  throw new ActionError(400, `${field}: ${problem}`, { [field]: problem });
}

const byteLength = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * What a revision with this YAML and code counts against the organization's revision quota: UTF-8
 * bytes of the YAML and of each source. The database computes StackRevision.bytes the same way on
 * insert (migration 20261206230000_revision_bytes).
 */
export function revisionBytes(yaml: string, code: RevisionCode): number {
  return Object.values(code).reduce((total, source) => total + byteLength(source), byteLength(yaml));
}

/** The code with normalized paths ("./src//a.ts" -> "src/a.ts"); a 400 naming the first path or bound it breaks. */
export function checkedRevisionCode(code: RevisionCode): RevisionCode {
  const paths = Object.keys(code);
  if (paths.length > CODE_LIMITS.files) refuse("code", `${paths.length} handler files; at most ${CODE_LIMITS.files} can be stored with a revision`);
  const checked: RevisionCode = {};
  let total = 0;
  for (const path of paths) {
    const field = `code.${path}`;
    const source: unknown = code[path];
    if (path.length === 0 || path.length > CODE_LIMITS.pathLength) refuse("code", `a handler file path must have 1 to ${CODE_LIMITS.pathLength} characters`);
    const problem = codePathProblem(path);
    if (problem) refuse(field, `the path ${problem}; handler files are stored relative to the definition file`);
    if (typeof source !== "string") refuse(field, "a handler file must be text");
    const bytes = byteLength(source);
    if (bytes > CODE_LIMITS.fileBytes) refuse(field, `the file is ${mb(bytes)}; a handler file is limited to ${mb(CODE_LIMITS.fileBytes)}`);
    total += bytes;
    if (total > CODE_LIMITS.totalBytes) refuse("code", `the handler files are more than ${mb(CODE_LIMITS.totalBytes)} together`);
    const normalized = normalizeCodePath(path)!;
    if (Object.hasOwn(checked, normalized)) refuse(field, `the path is ${normalized}, which another file already has`);
    checked[normalized] = source;
  }
  return checked;
}

/** A 400 naming the first entry file (with its line) that cannot be stored relative to the definition. */
export function checkEntryFilePaths(definition: StackDefinition, yaml: string): void {
  const outside = entryFiles(definition).find((e) => normalizeCodePath(e.entryfilePath) === null);
  if (!outside) return;
  const at = sourceLocator(yaml).locate(outside.path, "value");
  const where = at ? `${at.line}:${at.column}: ` : "";
  refuse("yaml", `${where}${outside.path.join(".")}: entryfilePath '${outside.entryfilePath}' of ${outside.resource} is outside the definition's folder; handler files are stored relative to it`);
}
