import { describe, expect, it } from "vitest";
import { jsonPart, toLogLine } from "./log-line";
import { parseReportLine } from "./report-line";

const RID = "8f5a1b2c-3d4e-4f60-8a9b-0c1d2e3f4a5b";
const line = (message: string) => toLogLine({ id: "e1", timestamp: 1000, logStream: "s", message }, "api");

describe("parseReportLine", () => {
  it("reads every number of a cold-start REPORT line", () => {
    const m = `REPORT RequestId: ${RID}\tDuration: 102.25 ms\tBilled Duration: 103 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.10 ms\t\n`;
    expect(parseReportLine(m)).toEqual({ requestId: RID, durationMs: 102.25, billedDurationMs: 103, memorySizeMb: 128, maxMemoryUsedMb: 70, initDurationMs: 150.1 });
  });
  it("has no init duration on a warm invocation", () => {
    const m = `REPORT RequestId: ${RID}\tDuration: 2.01 ms\tBilled Duration: 3 ms\tMemory Size: 256 MB\tMax Memory Used: 80 MB\t`;
    expect(parseReportLine(m)).toEqual({ requestId: RID, durationMs: 2.01, billedDurationMs: 3, memorySizeMb: 256, maxMemoryUsedMb: 80 });
  });
  it("is null for other lines and for a truncated REPORT", () => {
    expect(parseReportLine(`START RequestId: ${RID} Version: $LATEST`)).toBeNull();
    expect(parseReportLine(`REPORT RequestId: ${RID}\tDuration: 2 ms`)).toBeNull();
  });
});

describe("toLogLine", () => {
  it("takes level and request id from the runtime's tab-separated prefix", () => {
    const l = line(`2026-12-01T08:00:00.000Z\t${RID}\tERROR\tInvoke Error {"errorType":"TypeError"}`);
    expect(l).toMatchObject({ level: "error", requestId: RID, jsonOffset: null, report: null });
  });
  it("finds JSON after the prefix and reads its level", () => {
    const m = `2026-12-01T08:00:00.000Z\t${RID}\tINFO\t{"level":"warn","msg":"slow"}`;
    const l = line(m);
    expect(l.level).toBe("warn");
    expect(JSON.parse(m.slice(l.jsonOffset!))).toEqual({ level: "warn", msg: "slow" });
  });
  it("reads level and request id from a JSON-format line", () => {
    const l = line(`{"timestamp":"x","level":"DEBUG","requestId":"${RID}","message":"hi"}`);
    expect(l).toMatchObject({ level: "debug", requestId: RID, jsonOffset: 0 });
  });
  it("marks START/END/REPORT lines info with their request id, and parses REPORT", () => {
    expect(line(`START RequestId: ${RID} Version: $LATEST`)).toMatchObject({ level: "info", requestId: RID });
    const r = line(`REPORT RequestId: ${RID}\tDuration: 1 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t`);
    expect(r.report?.maxMemoryUsedMb).toBe(60);
  });
  it("falls back to keywords, and to no level at all", () => {
    expect(line("Task timed out after 3.00 seconds").level).toBe("error");
    expect(line("WARNING: disk nearly full").level).toBe("warn");
    expect(line("hello world")).toMatchObject({ level: null, requestId: null, jsonOffset: null });
  });
  it("does not call broken JSON JSON", () => {
    expect(jsonPart('{"a":')).toBeNull();
    expect(jsonPart("  [1,2]")).toEqual({ offset: 2, value: [1, 2] });
  });
});
