import { describe, expect, it } from "vitest";
import { fn, stack } from "@/lib/cost/testing";
import { otherUsageKeys, otherUsageYaml, parseOtherUsage } from "./other-usage";

const definition = stack({ api: { type: "http-api-gateway" }, hello: fn() }, { q: { Type: "AWS::SQS::Queue" } });

describe("other resources' usage as YAML", () => {
  it("round-trips the saved entries of everything but functions", () => {
    const yaml = otherUsageYaml({ api: { requestsPerMonth: 5 }, hello: { averageDurationMs: 3 }, q: { messagesPerMonth: 7 } }, definition);
    expect(yaml).toBe("api:\n  requestsPerMonth: 5\nq:\n  messagesPerMonth: 7\n");
    expect(parseOtherUsage(yaml, definition)).toEqual({ ok: true, usage: { api: { requestsPerMonth: 5 }, q: { messagesPerMonth: 7 } } });
    expect(otherUsageYaml({}, definition)).toBe("");
  });

  it("names each problem with its line and column, and sends functions to their fields", () => {
    expect(parseOtherUsage("api:\n  requestsPerMonth: lots\n", definition)).toEqual({ ok: false, problems: [expect.stringMatching(/^2:\d+: .*requestsPerMonth/)] });
    expect(parseOtherUsage("hello:\n  averageDurationMs: 5\n", definition)).toEqual({ ok: false, problems: ["hello: a function; set its usage in its fields above"] });
  });

  it("hints at the fields each resource takes", () => {
    expect(otherUsageKeys(definition)).toEqual(["api: requestsPerMonth, payloadKb", "q: messagesPerMonth, payloadKb, averageBatchSize"]);
  });
});
