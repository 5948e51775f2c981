import { describe, expect, it } from "vitest";
import type { ResourceCostDelta } from "@/lib/cost";
import { costDifference } from "./cost-difference";
import { locateCosts, placeCosts, type LocatedCostDelta } from "./change-set-costs";

const delta = (resource: string, kind: ResourceCostDelta["kind"], value: number, logicalId: string | null): LocatedCostDelta => ({
  resource,
  kind,
  type: kind === "resource" ? "function" : "AWS::SQS::Queue",
  service: "Lambda",
  before: 0,
  after: value,
  delta: value,
  change: "added",
  logicalId,
});

describe("locateCosts", () => {
  it("gives every changed resource the logical id the caller names and keeps the total", () => {
    const cost = costDifference(
      null,
      { number: 1, yaml: "resources:\n  worker:\n    type: function\n    properties:\n      packaging:\n        type: stacktape-lambda-buildpack\n        properties:\n          entryfilePath: src/w.ts\n" },
      "us-east-1",
    );
    const located = locateCosts(cost, (r) => (r.resource === "worker" ? "WorkerFunction" : null));
    if (!located.ok || !cost.ok) expect.fail("expected an estimate");
    expect(located.delta).toBe(cost.diff.delta);
    expect(located.resources.find((r) => r.resource === "worker")?.logicalId).toBe("WorkerFunction");
    expect(located.revision).toBe(1);
  });

  it("passes a missing estimate through with its reason", () => {
    expect(locateCosts({ ok: false, reason: "no prices" }, () => null)).toEqual({ ok: false, reason: "no prices" });
  });
});

describe("placeCosts", () => {
  it("puts each difference on its change-set row, sums two on one row, and keeps the rest apart", () => {
    const placed = placeCosts(
      [{ logicalId: "WorkerFunction" }, { logicalId: "WorkerRole" }, { logicalId: "Jobs" }],
      [delta("worker", "resource", 2, "WorkerFunction"), delta("Jobs", "cloudformation", 0.5, "Jobs"), delta("Jobs2", "cloudformation", 0.25, "Jobs"), delta("Free tier", "account", -1, null), delta("cron", "resource", 3, "CronFunction")],
    );
    expect([...placed.byLogicalId]).toEqual([
      ["WorkerFunction", 2],
      ["Jobs", 0.75],
    ]);
    expect(placed.elsewhere.map((r) => r.resource)).toEqual(["Free tier", "cron"]);
  });
});
