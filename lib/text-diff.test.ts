import { describe, expect, it } from "vitest";
import { diffText } from "./text-diff";

describe("diffText", () => {
  it("has no hunks for equal texts", () => {
    expect(diffText("a\nb\n", "a\nb\n")).toEqual({ ok: true, hunks: [], added: 0, removed: 0 });
  });

  it("shows a changed line with its context and counts", () => {
    const d = diffText("a\nb\nc\n", "a\nB\nc\n");
    expect(d).toEqual({ ok: true, added: 1, removed: 1, hunks: [{ oldStart: 1, oldLines: 3, newStart: 1, newLines: 3, lines: [" a", "-b", "+B", " c"] }] });
  });
});
