// The one diagnostic shape shared by the parser, the validators, the renderer, the CLI and the editor.
import { STACK_INPUT_LIMITS } from "./limits";

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** Machine-readable kind, e.g. "schema", "reference", "limit", "spec". */
  code: string;
  message: string;
  /** Path inside the stack definition (or the template, for spec diagnostics), e.g. ["resources","api","properties","path"]. */
  path: (string | number)[];
  file?: string;
  /** 1-based line and column in the source file, when the diagnostic maps to one. */
  line?: number;
  column?: number;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** "file:line:col: path: message", the form the CLI prints and editors can jump to. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.column].filter((x) => x !== undefined).join(":");
  const path = d.path.length ? d.path.join(".") : "(root)";
  return `${where ? `${where}: ` : ""}${d.severity}: ${path}: ${d.message}`;
}

/**
 * The first `max` diagnostics and, when there are more, one "and N more" diagnostic in their place:
 * an error when any hidden one is, so hasErrors gives the same answer on the capped list.
 */
export function capDiagnostics<D extends Diagnostic>(diagnostics: readonly D[], max: number = STACK_INPUT_LIMITS.diagnostics): (D | Diagnostic)[] {
  if (diagnostics.length <= max) return [...diagnostics];
  const hidden = diagnostics.slice(max);
  const more: Diagnostic = {
    severity: hasErrors(hidden) ? "error" : "warning",
    code: "truncated",
    message: `and ${hidden.length.toLocaleString("en-US")} more problem${hidden.length === 1 ? "" : "s"} (only the first ${max} are listed)`,
    path: [],
    ...(diagnostics[0].file !== undefined ? { file: diagnostics[0].file } : {}),
  };
  return [...diagnostics.slice(0, max), more];
}
