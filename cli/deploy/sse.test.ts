import { describe, expect, it } from "vitest";
import { SseParser } from "./sse";

describe("SseParser", () => {
  it("parses messages with ids, event names and multi-line data, ignoring comments", () => {
    const p = new SseParser();
    expect(p.push(': keep-alive\n\nid: 7\ndata: {"a":1}\n\nevent: end\ndata: x\ndata: y\n\n')).toEqual([
      { id: "7", event: "message", data: '{"a":1}' },
      { id: "7", event: "end", data: "x\ny" },
    ]);
  });

  it("completes a message split across chunks, including a CRLF split between its halves", () => {
    const p = new SseParser();
    expect(p.push("id: 1\r")).toEqual([]);
    expect(p.push("\ndata: he")).toEqual([]);
    expect(p.push("llo\r\n\r")).toEqual([]);
    expect(p.push("\n")).toEqual([{ id: "1", event: "message", data: "hello" }]);
  });
});
