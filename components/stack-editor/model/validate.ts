// Field-level views of the validator's diagnostics: which error belongs to which form control.
// (The editor validates as you type with analyzeStack, the same schema and rules the server runs, minus
// the CloudFormation attribute lookup, whose spec database stays on the server; the preview reports those.)
import type { Diagnostic } from "@/lib/stack";
import { samePath, type Path } from "./paths";
/** The first error reported exactly at `path`, for the field that edits it. */
export function fieldError(diagnostics: readonly Diagnostic[], path: Path): string | undefined {
  return diagnostics.find((d) => d.severity === "error" && samePath(d.path, path))?.message;
}

/** DOM id of the form control editing `path`, so a diagnostic can focus its field. */
export function fieldId(path: Path): string {
  return `field-${path.map((k) => String(k).replace(/[^A-Za-z0-9_-]/g, "_")).join("--")}`;
}
