import { describe, expect, it } from "vitest";
import { isOpen, loadChoices, saveChoices, withChoice } from "./collapsed-sections";

const KEY = "lambdaplane.inspector.collapsed";
const memoryStore = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
};

describe("inspector section choices", () => {
  it("reads back what was stored", () => {
    const store = memoryStore();
    saveChoices(store, new Map([["Tags", true], ["Code and runtime", false]]));
    expect(loadChoices(store)).toEqual(new Map([["Tags", true], ["Code and runtime", false]]));
  });

  it("opens only the first section of a resource until the person chooses", () => {
    const none = loadChoices(memoryStore());
    expect(isOpen(none, "Code and runtime", true)).toBe(true);
    expect(isOpen(none, "Triggers", false)).toBe(false);
    const chosen = new Map([["Code and runtime", false], ["Triggers", true]]);
    expect(isOpen(chosen, "Code and runtime", true)).toBe(false);
    expect(isOpen(chosen, "Triggers", false)).toBe(true);
  });

  it("has no choices when nothing, something unreadable, or the old list of collapsed titles is stored", () => {
    expect(loadChoices(memoryStore())).toEqual(new Map());
    expect(loadChoices(memoryStore({ [KEY]: "{not json" }))).toEqual(new Map());
    expect(loadChoices(memoryStore({ [KEY]: '["Tags", "Overrides"]' }))).toEqual(new Map());
    expect(loadChoices(memoryStore({ [KEY]: "null" }))).toEqual(new Map());
    expect(loadChoices(memoryStore({ [KEY]: "3" }))).toEqual(new Map());
    expect(loadChoices(memoryStore({ [KEY]: '{"Tags": true, "Logging": "yes", "Overrides": false}' }))).toEqual(new Map([["Tags", true], ["Overrides", false]]));
  });

  it("keeps the page working when storage refuses a write", () => {
    const full = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(() => saveChoices(full, new Map([["Tags", true]]))).not.toThrow();
  });

  it("records one title's choice, returning the same map when nothing changes", () => {
    const none: ReadonlyMap<string, boolean> = new Map();
    const tags = withChoice(none, "Tags", true);
    expect(tags).toEqual(new Map([["Tags", true]]));
    expect(none).toEqual(new Map());
    expect(withChoice(tags, "Tags", true)).toBe(tags);
    expect(withChoice(tags, "Tags", false)).toEqual(new Map([["Tags", false]]));
  });
});
