// The one diagnostic shape shared by the parser, the validators, the renderer, the CLI and the editor.

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
