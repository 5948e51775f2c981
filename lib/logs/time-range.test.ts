import { describe, expect, it } from "vitest";
import { parseTimeRange, rangeParams, resolveRange } from "./time-range";

const params = (q: string) => new URLSearchParams(q);

describe("parseTimeRange", () => {
  it("defaults to the last hour and accepts the listed relative ranges", () => {
    expect(parseTimeRange(params(""))).toEqual({ ok: true, range: { kind: "relative", range: "1h" } });
    expect(parseTimeRange(params("range=7d"))).toEqual({ ok: true, range: { kind: "relative", range: "7d" } });
  });
  it("names the bad field", () => {
    expect(parseTimeRange(params("range=2w"))).toMatchObject({ ok: false, field: "range" });
    expect(parseTimeRange(params("start=yesterday&end=2026-12-01T00:00:00Z"))).toMatchObject({ ok: false, field: "start" });
    expect(parseTimeRange(params("start=2026-12-01T00:00:00Z"))).toMatchObject({ ok: false, field: "end" });
    expect(parseTimeRange(params("start=2026-12-01T01:00:00Z&end=2026-12-01T00:00:00Z"))).toEqual({ ok: false, field: "end", message: "must be after start." });
  });
  it("round-trips an absolute range through its URL parameters", () => {
    const r = parseTimeRange(params("start=2026-12-01T00:00:00.000Z&end=2026-12-01T01:00:00.000Z"));
    expect(r.ok && rangeParams(r.range)).toEqual({ start: "2026-12-01T00:00:00.000Z", end: "2026-12-01T01:00:00.000Z" });
  });
  it("resolves a relative range against now", () => {
    expect(resolveRange({ kind: "relative", range: "15m" }, 1_000_000_000)).toEqual({ start: 1_000_000_000 - 900_000, end: 1_000_000_000 });
  });
});
