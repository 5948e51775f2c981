import { describe, expect, it } from "vitest";
import { appendLines, emptyTailBuffer, pauseTail, resumeTail } from "./tail-buffer";
import type { LogLine } from "./types";

const lines = (from: number, n: number): LogLine[] =>
  Array.from({ length: n }, (_, i) => ({ id: `l${from + i}`, timestamp: from + i, functionName: "f", logStream: "s", message: `m${from + i}`, level: null, requestId: null, jsonOffset: null, report: null }));
const ids = (ls: LogLine[]) => ls.map((l) => l.id);

describe("tail buffer", () => {
  it("keeps the newest lines up to its capacity and counts the dropped ones", () => {
    const b = appendLines(appendLines(emptyTailBuffer(), lines(0, 3), 4), lines(3, 3), 4);
    expect(ids(b.lines)).toEqual(["l2", "l3", "l4", "l5"]);
    expect(b.dropped).toBe(2);
  });
  it("loses nothing across pause and resume within the bound", () => {
    let b = appendLines(emptyTailBuffer(), lines(0, 2), 10);
    b = pauseTail(b);
    b = appendLines(b, lines(2, 3), 10);
    expect(ids(b.lines)).toEqual(["l0", "l1"]);
    expect(b.pending).toHaveLength(3);
    b = resumeTail(b, 10);
    expect(ids(b.lines)).toEqual(["l0", "l1", "l2", "l3", "l4"]);
    expect(b).toMatchObject({ pending: [], paused: false, dropped: 0 });
  });
  it("counts what a long pause overflows", () => {
    let b = pauseTail(emptyTailBuffer());
    b = appendLines(b, lines(0, 7), 5);
    b = resumeTail(b, 5);
    expect(ids(b.lines)).toEqual(["l2", "l3", "l4", "l5", "l6"]);
    expect(b.dropped).toBe(2);
  });
});
