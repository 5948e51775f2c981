import { describe, expect, it } from "vitest";
import { LOGGED_EVENT_MAX_CHARS, loggedEvent } from "./logged-event";

const RID = "0f6c1e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6";

describe("loggedEvent", () => {
  it("finds the event after a runtime prefix and words, pretty-printed", () => {
    expect(loggedEvent(`2026-12-01T08:00:00.000Z\t${RID}\tINFO\tReceived event: {"orderId":42,"items":[{"sku":"a"}]}`)).toBe(
      JSON.stringify({ orderId: 42, items: [{ sku: "a" }] }, null, 2),
    );
  });

  it("takes the outermost object of nested braces, and the first of two objects", () => {
    expect(JSON.parse(loggedEvent('event {"a":{"b":{"c":1}}} then {"d":2}')!)).toEqual({ a: { b: { c: 1 } } });
  });

  it("is not fooled by braces and escaped quotes inside strings", () => {
    const message = 'got {"body":"{\\"x\\": \\"}\\"","note":"a } b { c"} done';
    expect(JSON.parse(loggedEvent(message)!)).toEqual({ body: '{"x": "}"', note: "a } b { c" });
  });

  it("skips a brace that does not start JSON and finds the event after it", () => {
    expect(JSON.parse(loggedEvent('handler {bad} failed for {"id":"e-1"}')!)).toEqual({ id: "e-1" });
    // Inside invalid braces too: the event is the first object that parses.
    expect(JSON.parse(loggedEvent('{ event: {"id":"e-2"} }')!)).toEqual({ id: "e-2" });
  });

  it("finds nothing in plain text, unbalanced or invalid JSON, arrays, or util.inspect output", () => {
    expect(loggedEvent("payment accepted order=42")).toBeNull();
    expect(loggedEvent('partial {"a": 1')).toBeNull();
    expect(loggedEvent('{"a": 1,}')).toBeNull();
    expect(loggedEvent("[1, 2, 3]")).toBeNull();
    expect(loggedEvent("event: { orderId: 42, items: [ 'a' ] }")).toBeNull();
  });

  it("refuses an object over the 256 KB invoke limit, and finds one just under it", () => {
    const object = (chars: number) => `{"d":"${"x".repeat(chars - 8)}"}`;
    expect(object(LOGGED_EVENT_MAX_CHARS)).toHaveLength(LOGGED_EVENT_MAX_CHARS);
    expect(loggedEvent(`INFO ${object(LOGGED_EVENT_MAX_CHARS)}`)).not.toBeNull();
    expect(loggedEvent(`INFO ${object(LOGGED_EVENT_MAX_CHARS + 1)}`)).toBeNull();
  });

  it("answers quickly for hostile input: huge messages, thousands of unclosed braces, deep nesting", () => {
    const hostile = ["{".repeat(1_000_000), "{".repeat(200_000), `${"{".repeat(100_000)}${"}".repeat(100_000)}`, `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`, "x".repeat(50_000_000)];
    for (const message of hostile) {
      const started = performance.now();
      loggedEvent(message);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});
