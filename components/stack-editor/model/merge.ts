// Three-way merge for the conflict dialog: the changes I made since my base revision, applied onto
// the newer revision someone else saved. Lists are replaced whole; a path both sides changed
// differently is a conflict and nothing is merged silently. Pure.
import type { CodeMap } from "./doc";
import { getIn, setIn, type Path } from "./paths";

type Change = { path: Path; value: unknown };

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The leaf changes that turn `base` into `next` (mappings are walked, everything else compared whole). */
export function changes(base: unknown, next: unknown, path: Path = []): Change[] {
  if (isMap(base) && isMap(next)) {
    const keys = new Set([...Object.keys(base), ...Object.keys(next)]);
    return [...keys].flatMap((k) => changes(base[k], next[k], [...path, k]));
  }
  return same(base, next) ? [] : [{ path, value: next }];
}

export type MergeResult<T> = { ok: true; merged: T } | { ok: false; conflicts: Path[] };

export function merge3<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  let merged = theirs;
  const conflicts: Path[] = [];
  for (const c of changes(base, mine)) {
    const theirsValue = getIn(theirs, c.path);
    if (same(theirsValue, c.value)) continue;
    if (!same(theirsValue, getIn(base, c.path))) {
      conflicts.push(c.path);
      continue;
    }
    merged = setIn(merged, c.path, c.value);
  }
  return conflicts.length ? { ok: false, conflicts } : { ok: true, merged };
}

export function mergeCode(base: CodeMap, mine: CodeMap, theirs: CodeMap): MergeResult<CodeMap> {
  return merge3(base, mine, theirs);
}
