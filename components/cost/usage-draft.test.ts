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

  it("refuses figures above the usage schema's limits, naming the field and the limit", () => {
    expect(fieldProblem("f.invocationsPerMonth", "1e30")).toBe("Invocations a month: at most 1,000,000,000,000.");
    expect(fieldProblem("f.invocationsPerMonth", "1e12")).toBeUndefined();
    expect(fieldProblem("f.averageDurationMs", "900001")).toBe("Average duration (ms): at most 900,000.");
    expect(fieldProblem("f.averageDurationMs", "900000")).toBeUndefined();
    expect(fieldProblem("f.logBytesPerInvocation", "2e9")).toBe("Log bytes per invocation: at most 1,000,000,000.");
    expect(fieldProblem("f.events.0.eventsPerMonth", "1e13")).toBe("Events a month: at most 1,000,000,000,000.");
    expect(fieldProblem("f.events.0.payloadKb", "16385")).toBe("Payload size (KB): at most 16,384.");
    expect(usageOf({}, { "f.invocationsPerMonth": "1e30" }, new Map([["f", 0]]))).toEqual({});
  });
});
