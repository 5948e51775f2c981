import { describe, expect, it } from "vitest";
import { fieldProblem, textsOf, usageOf } from "./usage-draft";

describe("usage draft", () => {
  const saved = { api: { requestsPerMonth: 5 }, hello: { averageDurationMs: 80, provisionedHoursPerMonth: 10, events: [{ eventsPerMonth: 7, averageBatchSize: 2 }] } };

  it("shows the saved figures as texts", () => {
    expect(textsOf(saved, ["hello", "other"])).toEqual({ "hello.averageDurationMs": "80", "hello.events.0.eventsPerMonth": "7" });
  });

  it("rebuilds the functions' usage from the texts, keeping what the form does not show", () => {
    const texts = { "hello.averageDurationMs": "120", "hello.events.0.eventsPerMonth": "", "hello.events.0.payloadKb": "3", "other.invocationsPerMonth": "1e6" };
    const usage = usageOf(saved, texts, new Map([["hello", 1], ["other", 0]]));
    expect(usage).toEqual({
      api: { requestsPerMonth: 5 },
      hello: { averageDurationMs: 120, provisionedHoursPerMonth: 10, events: [{ payloadKb: 3, averageBatchSize: 2 }] },
      other: { invocationsPerMonth: 1_000_000 },
    });
  });

  it("keeps the saved figure while a field is invalid, and says what is wrong", () => {
    const texts = { "f.averageDurationMs": "0", "f.invocationsPerMonth": "-1", "f.events.0.payloadKb": "abc" };
    expect(usageOf({}, texts, new Map([["f", 1]]))).toEqual({});
    expect(usageOf({ f: { averageDurationMs: 90 } }, texts, new Map([["f", 1]]))).toEqual({ f: { averageDurationMs: 90 } });
    expect(fieldProblem("f.averageDurationMs", "0")).toBe("Must be more than 0 ms.");
    expect(fieldProblem("f.invocationsPerMonth", "-1")).toBe("Must be 0 or more.");
    expect(fieldProblem("f.events.0.payloadKb", "abc")).toBe("Enter a number.");
    expect(fieldProblem("f.events.0.payloadKb", " ")).toBeUndefined();
  });
});
