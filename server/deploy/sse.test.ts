import { describe, expect, it } from "vitest";
import { resumeAfter, sseMessage, sseRetry } from "./sse";

describe("sseMessage", () => {
  it("frames id, event and one line of JSON data, ended by a blank line", () => {
    expect(sseMessage({ id: "42", data: { reason: "line one\nline two" } })).toBe('id: 42\ndata: {"reason":"line one\\nline two"}\n\n');
    expect(sseMessage({ event: "end", data: { status: "failed" } })).toBe('event: end\ndata: {"status":"failed"}\n\n');
  });
});

describe("resumeAfter", () => {
  const req = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

  it("resumes after the browser's Last-Event-ID, else ?after=, else from the start", () => {
    expect(resumeAfter(req("http://x/e?after=3", { "Last-Event-ID": "17" }))).toBe(BigInt(17));
    expect(resumeAfter(req("http://x/e?after=3"))).toBe(BigInt(3));
    expect(resumeAfter(req("http://x/e"))).toBe(BigInt(0));
  });

  it("ignores ids that are not event ids", () => {
    expect(resumeAfter(req("http://x/e", { "Last-Event-ID": "-1" }))).toBe(BigInt(0));
    expect(resumeAfter(req("http://x/e?after=1e9"))).toBe(BigInt(0));
  });
});

describe("sseRetry", () => {
  it("is a retry field the browser's EventSource waits before reconnecting, in whole milliseconds", () => {
    expect(sseRetry(1000)).toBe("retry: 1000\n\n");
    expect(sseRetry(1.6)).toBe("retry: 2\n\n");
    expect(sseRetry(-5)).toBe("retry: 0\n\n");
  });
});
