// Validation as you type, in the browser: the same schema and rules the server runs, minus the
// CloudFormation attribute lookup (its spec database stays on the server; the preview reports those).
import { StackDefinitionSchema, validateStack, type Diagnostic, type StackDefinition } from "@/lib/stack";
import { schemaProblems } from "@/lib/stack/schema-issues";
import { samePath, type Path } from "./paths";

export function checkDefinition(definition: StackDefinition): Diagnostic[] {
  const parsed = StackDefinitionSchema.safeParse(definition);
  if (!parsed.success) return schemaProblems(StackDefinitionSchema, definition, parsed.error.issues).map((p) => p.diagnostic);
  return validateStack(definition);
}

/** The first error reported exactly at `path`, for the field that edits it. */
export function fieldError(diagnostics: readonly Diagnostic[], path: Path): string | undefined {
  return diagnostics.find((d) => d.severity === "error" && samePath(d.path, path))?.message;
}

/** DOM id of the form control editing `path`, so a diagnostic can focus its field. */
export function fieldId(path: Path): string {
  return `field-${path.map((k) => String(k).replace(/[^A-Za-z0-9_-]/g, "_")).join("--")}`;
}
