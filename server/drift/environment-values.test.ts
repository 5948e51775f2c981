import { describe, expect, it } from "vitest";
import { isAdoptable } from "@/lib/drift/adoptable";
import type { DriftResults } from "./check-stage";
import { assertMaySeeEnvironment, withoutEnvironmentValues } from "./environment-values";

const results: DriftResults = {
  drifts: [
    { resource: "ApiFunction", property: "MemorySize", deployed: 512, live: 1024 },
    { resource: "ApiFunction", property: "Environment.DB_PASSWORD", deployed: null, live: "hunter2" },
  ],
  unknown: [],
  driftCount: 2,
  truncated: false,
  revision: 3,
  cloudFormationStackName: "shop-dev",
  cloudFormation: {
    status: "checked",
    stackDriftStatus: "DRIFTED",
    drifts: [
      { resource: "ApiFunction", property: "/Environment/Variables/DB_PASSWORD", deployed: null, live: "hunter2" },
      { resource: "ApiFunction", property: "/Timeout", deployed: 30, live: 60 },
    ],
  },
};

describe("withoutEnvironmentValues", () => {
  it("takes out every live environment value, Lambda's and CloudFormation's, and keeps the rest", () => {
    const hidden = withoutEnvironmentValues(results);
    expect(JSON.stringify(hidden)).not.toContain("hunter2");
    expect(hidden.drifts).toEqual([
      results.drifts[0],
      { resource: "ApiFunction", property: "Environment.DB_PASSWORD", deployed: null, live: null, liveHidden: true },
    ]);
    expect(hidden.cloudFormation).toEqual({
      status: "checked",
      stackDriftStatus: "DRIFTED",
      drifts: [
        { resource: "ApiFunction", property: "/Environment/Variables/DB_PASSWORD", deployed: null, live: null, liveHidden: true },
        { resource: "ApiFunction", property: "/Timeout", deployed: 30, live: 60 },
      ],
    });
    expect(results.drifts[1].live).toBe("hunter2");
  });

  it("offers no hidden value for adoption", () => {
    const [memory, password] = withoutEnvironmentValues(results).drifts;
    expect(isAdoptable(memory)).toBe(true);
    expect(isAdoptable(password)).toBe(false);
    expect(isAdoptable(results.drifts[1])).toBe(true);
  });
});

describe("assertMaySeeEnvironment", () => {
  it("refuses an environment pick to someone who may not see it, naming the pick", () => {
    expect(() => assertMaySeeEnvironment(["ApiFunction MemorySize", "ApiFunction Environment.DB_PASSWORD"], false)).toThrow(/'ApiFunction Environment.DB_PASSWORD' is an environment value/);
  });

  it("lets other picks through, and every pick for someone who may deploy", () => {
    expect(() => assertMaySeeEnvironment(["ApiFunction MemorySize"], false)).not.toThrow();
    expect(() => assertMaySeeEnvironment(["ApiFunction Environment.DB_PASSWORD"], true)).not.toThrow();
  });
});
