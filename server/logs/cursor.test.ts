import { describe, expect, it } from "vitest";
import type { LogLine } from "@/lib/logs/types";
import { decodeCursor, encodeCursor, firstCursor, FIRST_WINDOW_MS, takeNewest } from "./cursor";

const line = (id: string, timestamp: number): LogLine => ({ id, timestamp, functionName: "f", logStream: "s", message: id, level: null, requestId: null, jsonOffset: null, report: null });

describe("log cursor", () => {
  it("starts at the range's end with a short window", () => {
    expect(firstCursor(5, 100)).toEqual({ rangeStart: 5, rangeEnd: 100, upTo: 100, width: FIRST_WINDOW_MS });
  });
  it("round-trips, and refuses what it did not issue", () => {
    const c = { rangeStart: 1, rangeEnd: 9, upTo: 4, width: 3 };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from('{"upTo":"x"}').toString("base64url"))).toBeNull();
    // Its position outside its own range.
    expect(decodeCursor(encodeCursor({ ...c, upTo: 10 }))).toBeNull();
  });
});

describe("takeNewest", () => {
  it("takes the newest lines, newest first", () => {
    const page = takeNewest([line("a", 1), line("c", 3), line("b", 2)], 2);
    expect(page).toEqual({ lines: [line("c", 3), line("b", 2)], rest: true });
    expect(takeNewest([line("a", 1)], 2)).toEqual({ lines: [line("a", 1)], rest: false });
  });
  it("never splits a millisecond: the lines sharing the oldest one taken come along", () => {
    const page = takeNewest([line("a", 1), line("b", 2), line("c", 2), line("d", 2), line("e", 3)], 2);
    expect(page.lines.map((l) => l.id)).toEqual(["e", "d", "c", "b"]);
    expect(page.rest).toBe(true);
    expect(takeNewest([line("b", 2), line("c", 2)], 1)).toEqual({ lines: [line("c", 2), line("b", 2)], rest: false });
  });
});
