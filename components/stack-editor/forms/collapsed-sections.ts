// Which inspector sections the person collapsed, by title, kept in this browser so the column stays
// as they left it across resources and visits.

const KEY = "lambdaplane.inspector.collapsed";

type Store = Pick<Storage, "getItem" | "setItem">;

/** The collapsed titles stored; none when nothing (or something unreadable) is stored. */
export function loadCollapsed(store: Store): Set<string> {
  try {
    const stored: unknown = JSON.parse(store.getItem(KEY) ?? "[]");
    return new Set(Array.isArray(stored) ? stored.filter((t): t is string => typeof t === "string") : []);
  } catch {
    return new Set();
  }
}

/** Stores the collapsed titles; where storage is full or blocked they last for this page only. */
export function saveCollapsed(store: Store, collapsed: ReadonlySet<string>) {
  try {
    store.setItem(KEY, JSON.stringify([...collapsed]));
  } catch {
    return;
  }
}

/** `collapsed` with `title` open or collapsed; the same set when nothing changes. */
export function withSection(collapsed: ReadonlySet<string>, title: string, open: boolean): ReadonlySet<string> {
  if (collapsed.has(title) !== open) return collapsed;
  const next = new Set(collapsed);
  if (open) next.delete(title);
  else next.add(title);
  return next;
}
