// A unified line diff of two texts: what the revision compare view and the save-conflict dialog show. Pure.
import { structuredPatch } from "diff";

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Each line starts with " " (context), "-" (only in the older) or "+" (only in the newer). */
  lines: string[];
}

export type TextDiff = { ok: true; hunks: DiffHunk[]; added: number; removed: number } | { ok: false; problem: string };

// Myers' diff is quadratic on very different inputs: past this the diff reports that instead of hanging a request.
const DIFF_TIMEOUT_MS = 2000;

export function diffText(before: string, after: string): TextDiff {
  const patch = structuredPatch("before", "after", before, after, undefined, undefined, { context: 3, timeout: DIFF_TIMEOUT_MS });
  if (!patch) return { ok: false, problem: `the two versions are too different to compare within ${DIFF_TIMEOUT_MS / 1000} s` };
  const hunks = patch.hunks.map(({ oldStart, oldLines, newStart, newLines, lines }) => ({ oldStart, oldLines, newStart, newLines, lines }));
  const count = (sign: string) => hunks.reduce((n, h) => n + h.lines.filter((l) => l.startsWith(sign)).length, 0);
  return { ok: true, hunks, added: count("+"), removed: count("-") };
}
