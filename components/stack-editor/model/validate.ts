// Field-level views of the validator's diagnostics: which error belongs to which form control.
// (The editor validates as you type with analyzeStack, the same schema and rules the server runs, minus
// the CloudFormation attribute lookup, whose spec database stays on the server; the preview reports those.)
import { capDiagnostics, STACK_INPUT_LIMITS, StackDefinitionSchema, validateStack, type Diagnostic } from "@/lib/stack";
import { schemaProblems } from "@/lib/stack/schema-issues";
import { parseStackOnce } from "./parse-once";
import { samePath, setIn, type Path } from "./paths";

/**
 * Every problem at once, as the user fixes fields in any order, on the definition itself (no YAML round
 * trip per keystroke): the server stops at schema errors, but here the rules also run on the definition
 * without the settings the schema refused (when that is valid), so an out-of-range memory does not hide
 * a malformed cron. Diagnostics carry paths; callers that need lines locate them in the YAML.
 */
export function checkDefinition(data: unknown): Diagnostic[] {
  const parsed = StackDefinitionSchema.safeParse(data);
  if (parsed.success) return validateStack(parsed.data);
  const schema = schemaProblems(StackDefinitionSchema, data, parsed.error.issues).map((p) => p.diagnostic);
  // Removing a list item would shift the indices of the rest, so only settings in mappings are set aside;
  // past a screenful of schema errors the retry (a copy of the definition per error) is not worth it.
  if (schema.length > STACK_INPUT_LIMITS.diagnostics || schema.some((d) => typeof d.path[d.path.length - 1] === "number")) return schema;
  let stripped: unknown = data;
  for (const d of schema) stripped = setIn(stripped, d.path, undefined);
  const retry = StackDefinitionSchema.safeParse(stripped);
  if (!retry.success) return schema;
  return [...schema, ...validateStack(retry.data).filter((d) => !schema.some((s) => samePath(s.path, d.path)))];
}

/**
 * The same for YAML text, with each diagnostic at its line (the YAML view). Text that is not YAML, or
 * crosses an input limit, gets parseStack's diagnostics only: the rules never see unbounded input.
 */
export function analyzeForEditor(yaml: string): Diagnostic[] {
  const parsed = parseStackOnce(yaml);
  if (parsed.data === undefined) return parsed.diagnostics;
  const located = checkDefinition(parsed.data).map((d) => ({ ...d, ...parsed.locator.locate(d.path) }));
  return capDiagnostics(located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
}

/** The first error reported exactly at `path`, for the field that edits it. */
export function fieldError(diagnostics: readonly Diagnostic[], path: Path): string | undefined {
  return diagnostics.find((d) => d.severity === "error" && samePath(d.path, path))?.message;
}

/** DOM id of the form control editing `path`, so a diagnostic can focus its field. */
export function fieldId(path: Path): string {
  return `field-${path.map((k) => String(k).replace(/[^A-Za-z0-9_-]/g, "_")).join("--")}`;
}

/**
 * The server's diagnostics of the rendered preview, then the browser's that the server did not report:
 * the server stops at schema errors, while the browser also checks the rules on the settings the schema
 * accepted, so neither list alone has every problem the person should see.
 */
export function combineDiagnostics(server: readonly Diagnostic[], local: readonly Diagnostic[]): Diagnostic[] {
  const extra = local.filter((d) => d.code !== "truncated" && !server.some((s) => samePath(s.path, d.path) && s.message === d.message));
  return capDiagnostics([...server, ...extra]);
}
