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
  /** Code "truncated" only: how many diagnostics this one stands for (see capDiagnostics). */
  hidden?: number;
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
 * an error when any hidden one is, so hasErrors gives the same answer on the capped list. Capping a
 * list that holds such a diagnostic (a capped list with more added) keeps one with the sum.
 */
export function capDiagnostics<D extends Diagnostic>(diagnostics: readonly D[], max: number = STACK_INPUT_LIMITS.diagnostics): (D | Diagnostic)[] {
  const listed = diagnostics.filter((d) => d.code !== "truncated");
  const earlier = diagnostics.filter((d) => d.code === "truncated");
  if (listed.length <= max && earlier.length <= 1) return [...diagnostics];
  const overflow = listed.slice(max);
  const hidden = overflow.length + earlier.reduce((n, d) => n + (d.hidden ?? 0), 0);
  const more: Diagnostic = {
    severity: hasErrors([...overflow, ...earlier]) ? "error" : "warning",
    code: "truncated",
    message: `and ${hidden.toLocaleString("en-US")} more problem${hidden === 1 ? "" : "s"} (only the first ${max} are listed)`,
    path: [],
    hidden,
    ...(diagnostics[0].file !== undefined ? { file: diagnostics[0].file } : {}),
  };
  return [...listed.slice(0, max), more];
}
