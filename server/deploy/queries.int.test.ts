import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { costDifference } from "@/lib/deploy/cost-difference";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { addRevision, seedOrganization } from "./test-support";
import { findDeploymentDetail } from "./queries";

// The deployment page's cost difference, read from real PostgreSQL: against the revision the stage
// ran before the deployment, whether or not the deployment got as far as a change set.

const database = setupTestDatabase();
const REGION = "us-east-1";
let stackId: string;
let stageId: string;
let revisions: { id: string; number: number; yaml: string }[];

/** A finished deployment, `minutesAgo` old, with no change set (what a deploy that failed early or a deletion leaves). */
async function deployment(revision: number, status: "succeeded" | "failed", minutesAgo: number, operation: "deploy" | "destroy" = "deploy") {
  const d = await database.prisma.deployment.create({
    data: {
      stageId,
      revisionId: revisions[revision - 1].id,
      operation,
      status,
      cfnStackName: "shop-dev",
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
      finishedAt: new Date(Date.now() - minutesAgo * 60_000 + 1000),
    },
  });
  return d.id;
}

beforeAll(async () => {
  const people = await seedOrganization(database.prisma, "deploycost");
  stackId = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } })).id;
  stageId = (await database.prisma.stage.create({ data: { stackId, name: "dev", region: REGION } })).id;
  revisions = [];
  for (const memory of [256, 1024, 2048]) revisions.push(await addRevision(database.prisma, stackId, shopYaml(memory), SHOP_CODE));
});

describe("findDeploymentDetail's cost difference without a change set", () => {
  it("prices a first deploy that failed before its change set against nothing", async () => {
    const id = await deployment(1, "failed", 60);
    const d = await findDeploymentDetail(database.prisma, stackId, id);
    expect(d?.changeSet).toBeNull();
    if (!d?.cost.ok) expect.fail(`no cost: ${JSON.stringify(d?.cost)}`);
    const expected = costDifference(null, revisions[0], REGION);
    if (!expected.ok) expect.fail(expected.reason);
    expect(d.cost).toMatchObject({ baseRevision: null, revision: 1, region: REGION, delta: expected.diff.after });
    expect(d.cost.delta).toBeGreaterThan(0);
    expect(d.cost.resources.find((r) => r.resource === "worker")).toMatchObject({ change: "added", logicalId: "WorkerFunction" });
  });

  it("prices a failed update against the stage's previously deployed revision, skipping failed ones", async () => {
    await deployment(2, "succeeded", 50);
    await deployment(1, "failed", 45);
    const id = await deployment(3, "failed", 40);
    const d = await findDeploymentDetail(database.prisma, stackId, id);
    if (!d?.cost.ok) expect.fail(`no cost: ${JSON.stringify(d?.cost)}`);
    const expected = costDifference(revisions[1], revisions[2], REGION);
    if (!expected.ok) expect.fail(expected.reason);
    expect(d.cost).toMatchObject({ baseRevision: 2, revision: 3, delta: expected.diff.delta });
    expect(d.cost.resources.map((r) => [r.resource, r.change, r.logicalId])).toEqual([["worker", "changed", "WorkerFunction"]]);
  });

  it("prices a stage deletion as the negative of what the deployed revision costs, and a second deletion as nothing to price", async () => {
    const id = await deployment(3, "succeeded", 30, "destroy");
    const d = await findDeploymentDetail(database.prisma, stackId, id);
    if (!d?.cost.ok) expect.fail(`no cost: ${JSON.stringify(d?.cost)}`);
    const running = costDifference(null, revisions[1], REGION);
    if (!running.ok) expect.fail(running.reason);
    expect(d.cost).toMatchObject({ baseRevision: 2, revision: null, delta: -running.diff.after });
    expect(d.cost.delta).toBeLessThan(0);
    expect(d.cost.resources.every((r) => r.change === "removed" && r.delta <= 0)).toBe(true);

    const again = await findDeploymentDetail(database.prisma, stackId, await deployment(3, "succeeded", 20, "destroy"));
    expect(again?.cost).toEqual({ ok: false, reason: "no revision of the stage is deployed" });
  });
});
