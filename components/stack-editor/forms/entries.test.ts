import { describe, expect, it } from "vitest";
import { formatText, freshName, isStringMap, mapOf, moveItem, parseText, rowsOf } from "./entries";

describe("moveItem", () => {
  it("moves an item up and down, leaving the input as it was", () => {
    const items = ["a", "b", "c"];
    expect(moveItem(items, 2, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(items, 0, 1)).toEqual(["b", "a", "c"]);
    expect(items).toEqual(["a", "b", "c"]);
  });

  it("clamps moves past either end and ignores an index outside the list", () => {
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], 1, 5)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], 4, 0)).toEqual(["a", "b"]);
  });
});

describe("string maps as rows", () => {
  it("round-trips a mapping through its rows in key order", () => {
    const map = { state: "$.detail.state", id: "$.id" };
    expect(rowsOf(map)).toEqual([
      { name: "state", value: "$.detail.state" },
      { name: "id", value: "$.id" },
    ]);
    expect(mapOf(rowsOf(map), "Path")).toEqual({ ok: true, value: map });
  });

  it("has no mapping for no rows, and no rows for what is not a mapping", () => {
    expect(mapOf([], "Path")).toEqual({ ok: true, value: undefined });
    expect(rowsOf(undefined)).toEqual([]);
    expect(rowsOf(["a"])).toEqual([]);
  });

  it("names the row whose name is empty or repeated", () => {
    expect(mapOf([{ name: " ", value: "$.a" }], "Path")).toEqual({ ok: false, message: "Path 1: the name is empty." });
    expect(mapOf([{ name: "a", value: "1" }, { name: "a", value: "2" }], "Path")).toEqual({ ok: false, message: "Path 2: the name 'a' is already used by another row." });
  });

  it("tells a mapping of strings from other values", () => {
    expect(isStringMap({ a: "b" })).toBe(true);
    expect(isStringMap({ a: 1 })).toBe(false);
    expect(isStringMap([])).toBe(false);
    expect(isStringMap(null)).toBe(false);
  });

  it("proposes a name the rows do not use yet", () => {
    expect(freshName([], "path")).toBe("path1");
    expect(freshName([{ name: "path2", value: "" }], "path")).toBe("path3");
    expect(freshName([{ name: "path2", value: "" }, { name: "path3", value: "" }], "path")).toBe("path4");
  });
});

describe("text of line and JSON fields", () => {
  it("reads one list entry per non-empty line", () => {
    expect(parseText("lines", " sns:Publish \n\nsqs:SendMessage")).toEqual({ ok: true, value: ["sns:Publish", "sqs:SendMessage"] });
    expect(formatText("lines", ["a", "b"])).toBe("a\nb");
  });

  it("treats empty text as unset, or as an empty list for a required list", () => {
    expect(parseText("lines", "  ")).toEqual({ ok: true, value: undefined });
    expect(parseText("lines", "", true)).toEqual({ ok: true, value: [] });
    expect(parseText("json", "")).toEqual({ ok: true, value: undefined });
  });

  it("parses JSON and reports where a malformed text goes wrong", () => {
    expect(parseText("json", '{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
    const broken = parseText("json", '{\n  "a": 1,\n  }');
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.message).toMatch(/^not valid JSON: /);
    expect(broken).toMatchObject({ line: 3, column: 3 });
    expect(formatText("json", { a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
