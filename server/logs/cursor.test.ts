import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, firstSlice, FIRST_SLICE_MS, olderSlice } from "./cursor";

describe("log cursor", () => {
  it("starts with the newest hour of a long range, and the whole of a short one", () => {
    expect(firstSlice(0, 10 * FIRST_SLICE_MS)).toEqual({ start: 9 * FIRST_SLICE_MS, end: 10 * FIRST_SLICE_MS, width: FIRST_SLICE_MS, tokens: null });
    expect(firstSlice(5, 100)).toMatchObject({ start: 5, end: 100 });
  });
  it("walks backwards in doubling slices that neither overlap nor pass the range start", () => {
    const first = firstSlice(0, 10 * FIRST_SLICE_MS);
    const second = olderSlice(first, 0)!;
    expect(second).toEqual({ start: 7 * FIRST_SLICE_MS - 1, end: 9 * FIRST_SLICE_MS - 1, width: 2 * FIRST_SLICE_MS, tokens: null });
    const third = olderSlice(second, 0)!;
    expect(third).toMatchObject({ start: 3 * FIRST_SLICE_MS - 2, end: 7 * FIRST_SLICE_MS - 2 });
    const fourth = olderSlice(third, 0)!;
    expect(fourth.start).toBe(0);
    expect(olderSlice(fourth, 0)).toBeNull();
  });
  it("round-trips, and refuses what it did not issue", () => {
    const c = { start: 1, end: 2, width: 1, tokens: { "/aws/lambda/a": "t" } };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from('{"start":"x"}').toString("base64url"))).toBeNull();
  });
});
