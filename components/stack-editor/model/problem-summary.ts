// One wording of "how many problems" for every place the editor shows it (the save status, the preview's
// status and its Diagnostics tab), so they cannot disagree.
import type { Diagnostic } from "@/lib/stack";

export interface ProblemCount {
  errors: number;
  warnings: number;
  /** Problems past the listed ones (capDiagnostics' "and N more" entry), of either severity. */
  more: number;
}

export function countProblems(diagnostics: readonly Diagnostic[]): ProblemCount {
  const count: ProblemCount = { errors: 0, warnings: 0, more: 0 };
  for (const d of diagnostics) {
    if (d.code === "truncated") count.more += d.hidden ?? 0;
    else if (d.severity === "error") count.errors++;
    else count.warnings++;
  }
  return count;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** E.g. "2 errors, 1 warning", "1 error, 3 more problems", or "" when there is nothing. */
export function problemSummary({ errors, warnings, more }: ProblemCount): string {
  const parts = [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : "", more ? `${plural(more, "more problem")}` : ""];
  return parts.filter(Boolean).join(", ");
}
