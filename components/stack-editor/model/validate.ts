// Field-level views of the validator's diagnostics: which error belongs to which form control.
// (The editor validates as you type with analyzeStack, the same schema and rules the server runs, minus
// the CloudFormation attribute lookup, whose spec database stays on the server; the preview reports those.)
import { parse as parseYaml } from "yaml";
import { analyzeStack, parseStack, StackDefinitionSchema, validateStack, type Diagnostic } from "@/lib/stack";
import { samePath, setIn, type Path } from "./paths";

/**
 * Every problem at once, as the user fixes fields in any order: the server stops at schema errors, but
 * here the rules also run on the definition without the settings the schema refused (when that is valid),
 * so an out-of-range memory does not hide a malformed cron.
 */
export function analyzeForEditor(yaml: string): Diagnostic[] {
  const analyzed = analyzeStack(yaml);
  if (analyzed.definition) return analyzed.diagnostics;
  const schema = analyzed.diagnostics.filter((d) => d.code === "schema");
  // Removing a list item would shift the indices of the rest, so only settings in mappings are set aside.
  if (schema.length === 0 || schema.length !== analyzed.diagnostics.length || schema.some((d) => typeof d.path[d.path.length - 1] === "number")) {
    return analyzed.diagnostics;
  }
  let data: unknown = parseYaml(yaml);
  for (const d of schema) data = setIn(data, d.path, undefined);
  const stripped = StackDefinitionSchema.safeParse(data);
  if (!stripped.success) return analyzed.diagnostics;
  const { locator } = parseStack(yaml);
  const more = validateStack(stripped.data)
    .filter((d) => !schema.some((s) => samePath(s.path, d.path)))
    .map((d) => ({ ...d, ...locator.locate(d.path) }));
  return [...analyzed.diagnostics, ...more].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
/** The first error reported exactly at `path`, for the field that edits it. */
export function fieldError(diagnostics: readonly Diagnostic[], path: Path): string | undefined {
  return diagnostics.find((d) => d.severity === "error" && samePath(d.path, path))?.message;
}

/** DOM id of the form control editing `path`, so a diagnostic can focus its field. */
export function fieldId(path: Path): string {
  return `field-${path.map((k) => String(k).replace(/[^A-Za-z0-9_-]/g, "_")).join("--")}`;
}
