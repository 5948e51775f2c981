// Immutable reads and writes at a definition path (["resources","api","properties","memory"]). Pure.
export type Path = readonly (string | number)[];

type Container = Record<string, unknown> | unknown[];

export function getIn(value: unknown, path: Path): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key as string];
  }
  return v;
}

/** A copy with `value` at `path`, creating mappings on the way; `undefined` removes the key (or list item). */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const current = (root ?? (typeof key === "number" ? [] : {})) as Container;
  const child = (current as Record<string, unknown>)[key as string];
  const next = rest.length === 0 ? value : setIn(child, rest, value);
  if (Array.isArray(current)) {
    const copy = [...current];
    if (next === undefined && typeof key === "number") copy.splice(key, 1);
    else copy[key as number] = next;
    return copy as T;
  }
  const copy: Record<string, unknown> = { ...current };
  if (next === undefined) delete copy[key as string];
  else copy[key as string] = next;
  return copy as T;
}

/** Same, and drops mappings left empty on the way up (an emptied `destinations` disappears from the YAML). */
export function setInPruned<T>(root: T, path: Path, value: unknown, keepDepth = 0): T {
  let out = setIn(root, path, value);
  if (value !== undefined) return out;
  for (let depth = path.length - 1; depth > keepDepth; depth--) {
    const parent = path.slice(0, depth);
    const v = getIn(out, parent);
    const empty = v !== null && typeof v === "object" && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
    if (!empty) break;
    out = setIn(out, parent, undefined);
  }
  return out;
}

export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((k, i) => String(k) === String(b[i]));
}

export function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => String(k) === String(path[i]));
}
