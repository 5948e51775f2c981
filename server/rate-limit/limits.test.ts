import { describe, expect, it } from "vitest";
import { effectiveLimits, RATE_LIMITS } from "./limits";

describe("effectiveLimits", () => {
  it("is the table itself without overrides", () => {
    expect(effectiveLimits([])).toEqual(RATE_LIMITS);
  });

  it("changes the points and window of a named limit and nothing else", () => {
    const limits = effectiveLimits(["apiToken=5/60", "signIn=3/10"]);
    expect(limits.apiToken).toEqual({ ...RATE_LIMITS.apiToken, points: 5, seconds: 60 });
    expect(limits.signIn).toEqual({ ...RATE_LIMITS.signIn, points: 3, seconds: 10 });
    expect(limits.action).toEqual(RATE_LIMITS.action);
  });

  it("refuses malformed entries, naming the entry", () => {
    expect(() => effectiveLimits(["apiToken=5"])).toThrow('LAMBDAPLANE_RATE_LIMITS: "apiToken=5" is not name=points/seconds.');
    expect(() => effectiveLimits(["nope=5/60"])).toThrow(/"nope" is not a rate limit \(signIn, /);
    expect(() => effectiveLimits(["apiToken=0/60"])).toThrow(/at least 1 point per 1 second/);
    expect(() => effectiveLimits(["constructor=1/1"])).toThrow(/"constructor" is not a rate limit/);
  });
});
