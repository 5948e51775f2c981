import { describe, expect, it } from "vitest";
import { loadCollapsed, saveCollapsed, withSection } from "./collapsed-sections";

const memoryStore = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
};

describe("collapsed inspector sections", () => {
  it("reads back what was stored", () => {
    const store = memoryStore();
    saveCollapsed(store, new Set(["Tags", "Overrides"]));
    expect(loadCollapsed(store)).toEqual(new Set(["Tags", "Overrides"]));
  });

  it("starts with every section open when nothing, or something unreadable, is stored", () => {
    expect(loadCollapsed(memoryStore())).toEqual(new Set());
    expect(loadCollapsed(memoryStore({ "lambdaplane.inspector.collapsed": "{not json" }))).toEqual(new Set());
    expect(loadCollapsed(memoryStore({ "lambdaplane.inspector.collapsed": '{"Tags": true}' }))).toEqual(new Set());
    expect(loadCollapsed(memoryStore({ "lambdaplane.inspector.collapsed": '["Tags", 3]' }))).toEqual(new Set(["Tags"]));
  });

  it("keeps the page working when storage refuses a write", () => {
    const full = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(() => saveCollapsed(full, new Set(["Tags"]))).not.toThrow();
  });

  it("opens and collapses one title, returning the same set when nothing changes", () => {
    const none: ReadonlySet<string> = new Set();
    const tags = withSection(none, "Tags", false);
    expect(tags).toEqual(new Set(["Tags"]));
    expect(withSection(tags, "Tags", false)).toBe(tags);
    expect(withSection(tags, "Tags", true)).toEqual(new Set());
    expect(withSection(none, "Tags", true)).toBe(none);
  });
});
