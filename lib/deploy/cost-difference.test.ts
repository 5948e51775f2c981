import { describe, expect, it } from "vitest";
import { costDifference, deletionCostDifference } from "./cost-difference";

const yaml = (memory: number, extra = "") => `resources:
  worker:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/worker.ts
      memory: ${memory}
${extra}`;

describe("costDifference", () => {
  it("prices a memory change as a difference on that function only, in total and per resource", () => {
    const r = costDifference({ number: 1, yaml: yaml(256) }, { number: 2, yaml: yaml(1024) }, "eu-west-1");
    if (!r.ok) expect.fail(r.reason);
    expect(r.baseRevision).toBe(1);
    expect(r.diff.resources.map((x) => [x.resource, x.change])).toEqual([["worker", "changed"]]);
    expect(r.diff.delta).toBeGreaterThan(0);
    expect(r.diff.resources[0].delta).toBeCloseTo(r.diff.delta, 9);
  });

  it("counts a first deploy's whole cost as added", () => {
    const r = costDifference(null, { number: 1, yaml: yaml(512) }, "us-east-1");
    if (!r.ok) expect.fail(r.reason);
    expect(r.diff.before).toBe(0);
    expect(r.diff.resources.find((x) => x.resource === "worker")?.change).toBe("added");
    expect(r.diff.after).toBe(r.diff.delta);
  });

  it("says why there is no difference for an unpriced region or an invalid revision", () => {
    expect(costDifference(null, { number: 1, yaml: yaml(512) }, "xx-nowhere-9")).toEqual({ ok: false, reason: "Lambdaplane has no prices for xx-nowhere-9" });
    expect(costDifference(null, { number: 3, yaml: "resources: [" }, "us-east-1")).toEqual({ ok: false, reason: "revision 3 is not valid, so it has no estimate" });
  });
});

describe("deletionCostDifference", () => {
  it("removes every resource of the deployed revision: the negative of what the stage costs", () => {
    const deployed = { number: 4, yaml: yaml(512) };
    const r = deletionCostDifference(deployed, "us-east-1");
    if (!r.ok) expect.fail(r.reason);
    const first = costDifference(null, deployed, "us-east-1");
    if (!first.ok) expect.fail(first.reason);
    expect(r.baseRevision).toBe(4);
    expect(r.revision).toBeNull();
    expect(r.diff.after).toBe(0);
    expect(r.diff.delta).toBeLessThan(0);
    expect(r.diff.delta).toBe(-first.diff.after);
    expect(r.diff.resources.map((x) => x.change)).toEqual(first.diff.resources.map(() => "removed"));
    expect(r.diff.resources.map((x) => x.delta)).toEqual(first.diff.resources.map((x) => -x.delta));
  });

  it("says why there is no difference when nothing is deployed, the region is unpriced, or the revision is invalid", () => {
    expect(deletionCostDifference(null, "us-east-1")).toEqual({ ok: false, reason: "no revision of the stage is deployed" });
    expect(deletionCostDifference({ number: 1, yaml: yaml(512) }, "xx-nowhere-9")).toEqual({ ok: false, reason: "Lambdaplane has no prices for xx-nowhere-9" });
    expect(deletionCostDifference({ number: 2, yaml: "resources: [" }, "us-east-1")).toEqual({ ok: false, reason: "revision 2 is not valid, so it has no estimate" });
  });
});
