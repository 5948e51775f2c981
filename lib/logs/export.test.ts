import { describe, expect, it } from "vitest";
import { lineLinkParams, linesAsJson, linesAsText, viewParams } from "./export";
import type { LogLine } from "./types";

const line: LogLine = { id: "e1", timestamp: Date.UTC(2026, 11, 1, 8), functionName: "api", logStream: "s", message: "hello\n", level: "info", requestId: "r1", jsonOffset: null, report: null };

describe("log export", () => {
  it("writes one tab-separated text line per event", () => {
    expect(linesAsText([line])).toBe("2026-12-01T08:00:00.000Z\tapi\thello\n");
    expect(linesAsText([])).toBe("");
  });
  it("writes JSON with the parsed fields", () => {
    expect(JSON.parse(linesAsJson([line]))).toEqual([{ timestamp: "2026-12-01T08:00:00.000Z", function: "api", logStream: "s", requestId: "r1", level: "info", message: "hello\n" }]);
  });
  it("links a view and a line", () => {
    expect(viewParams({ stage: "st1", fn: null, range: { kind: "relative", range: "1h" }, filter: "ERROR" }).toString()).toBe("stage=st1&range=1h&filter=ERROR");
    const p = lineLinkParams({ stage: "st1", fn: null, range: { kind: "relative", range: "1h" }, filter: "" }, line);
    expect(Object.fromEntries(p)).toEqual({ stage: "st1", function: "api", start: "2026-12-01T07:59:30.000Z", end: "2026-12-01T08:00:30.000Z", line: "e1" });
  });
});
