import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { PRICES } from "@/lib/cost";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { saveCostSettings } from "@/server/actions/cost/save-cost-settings";
import { setupTestDatabase } from "@/server/db/test-database";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY } from "@/server/deploy/test-support";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { physicalNames } from "@/server/render/naming";
import { stackActualUsage, stackCostView } from "./queries";

// Usage assumptions through the real action and PostgreSQL; actual usage read from a REAL moto server
// (python3 -m moto.server), which stores PutMetricData datapoints and answers GetMetricData sums.

const database = setupTestDatabase();
const REGION = "eu-west-1";
let moto: MotoServer;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint, "http://127.0.0.1:9");
  people = await seedOrganization(database.prisma, "costco");
  stackId = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } })).id;
  await addRevision(database.prisma, stackId, shopYaml(256), SHOP_CODE);
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

const save = (user: { id: string; email: string }, input: Record<string, unknown>) =>
  asUser(user, () => saveCostSettings({ orgSlug: people.org.slug, stackId, region: REGION, freeTier: false, usage: {}, ...input }));

describe("usage assumptions", () => {
  it("starts from defaults in the first stage's region (us-east-1 without stages)", async () => {
    const view = await stackCostView(database.prisma, stackId);
    expect(view.latest?.number).toBe(1);
    expect(view.previous).toBeNull();
    expect(view.settings).toEqual({ region: "us-east-1", freeTier: false, usage: {}, dropped: [], saved: false });
  });

  it("saves usage for the latest revision and audits the change", async () => {
    const usage = { worker: { averageDurationMs: 250, events: [{ eventsPerMonth: 5_000_000, payloadKb: 4 }] } };
    const r = await save(people.owner, { usage, freeTier: true });
    expect(r).toMatchObject({ ok: true });
    const view = await stackCostView(database.prisma, stackId);
    expect(view.settings).toEqual({ region: REGION, freeTier: true, usage, dropped: [], saved: true });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "stack.cost_settings.save" } });
    expect(audit).toMatchObject({ actorEmail: people.owner.email, targetId: stackId, after: { region: REGION, freeTier: true, usage } });
  });

  it("refuses usage that does not fit the definition, naming the field, and keeps what was saved", async () => {
    const bad = await save(people.owner, { usage: { worker: { averageDurationMs: -5 } } });
    expect(bad).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/^usage\.worker\.averageDurationMs: /) });
    const huge = await save(people.owner, { usage: { worker: { invocationsPerMonth: 1e30 } } });
    expect(huge).toMatchObject({ ok: false, status: 400, error: "usage.worker.invocationsPerMonth: must be at most 1000000000000 (got number 1e+30)" });
    const unknown = await save(people.owner, { usage: { wrker: {} } });
    expect(unknown).toMatchObject({ ok: false, status: 400, error: "usage.wrker: no resource, CloudFormation resource or 'secret:<name>' named 'wrker' in the stack" });
    const region = await save(people.owner, { region: "mars-1" });
    expect(region).toMatchObject({ ok: false, status: 400, fieldErrors: { region: expect.stringContaining("us-east-1") } });
    expect((await stackCostView(database.prisma, stackId)).settings.usage.worker?.averageDurationMs).toBe(250);
  });

  it("lets a viewer read but not save", async () => {
    expect(await save(people.viewer, {})).toMatchObject({ ok: false, status: 403 });
  });

  it("reports saved entries a newer revision no longer fits, keeping the rest", async () => {
    await addRevision(database.prisma, stackId, shopYaml(512).replaceAll("worker", "consumer"), SHOP_CODE);
    const view = await stackCostView(database.prisma, stackId);
    expect(view.previous?.number).toBe(1);
    expect(view.settings.usage).toEqual({});
    expect(view.settings.dropped).toEqual([{ key: "worker", reason: expect.stringContaining("no resource") }]);
  });
});

describe("actual usage from CloudWatch (moto)", () => {
  it("prices each deployed function's month-to-date metrics and projects them, next to the estimate", async () => {
    const connection = await database.prisma.awsConnection.create({
      data: { organizationId: people.org.id, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint },
    });
    // The deploy pipeline's own end state (its moto run is deploy-moto.int.test.ts): revision 1 deployed to "dev".
    const revision1 = await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId, number: 1 } });
    const stage = await database.prisma.stage.create({ data: { stackId, name: "dev", region: REGION, awsConnectionId: connection.id, deployedStackName: "shop" } });
    await database.prisma.deployment.create({ data: { stageId: stage.id, revisionId: revision1.id, status: "succeeded" } });
    await database.prisma.stage.create({ data: { stackId, name: "prod", region: REGION, awsConnectionId: connection.id } });

    const now = new Date();
    const worker = physicalNames.function("shop", "dev", "worker");
    const cloudWatch = new CloudWatchClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "x", secretAccessKey: "x" } });
    const dimensions = [{ Name: "FunctionName", Value: worker }];
    await cloudWatch.send(
      new PutMetricDataCommand({
        Namespace: "AWS/Lambda",
        MetricData: [
          { MetricName: "Invocations", Dimensions: dimensions, Value: 400_000, Unit: "Count", Timestamp: new Date(now.getTime() - 60_000) },
          { MetricName: "Invocations", Dimensions: dimensions, Value: 100_000, Unit: "Count", Timestamp: new Date(now.getTime() - 30_000) },
          // Total duration (400,000 × 100 ms + 100,000 × 300 ms) in two datapoints: moto expands Values × Counts
          // into single datapoints, which for 500,000 of them takes it many seconds.
          { MetricName: "Duration", Dimensions: dimensions, Value: 400_000 * 100, Unit: "Milliseconds", Timestamp: new Date(now.getTime() - 60_000) },
          { MetricName: "Duration", Dimensions: dimensions, Value: 100_000 * 300, Unit: "Milliseconds", Timestamp: new Date(now.getTime() - 30_000) },
          // Another stack's function: not counted.
          { MetricName: "Invocations", Dimensions: [{ Name: "FunctionName", Value: "other-dev-worker" }], Value: 9, Unit: "Count", Timestamp: now },
        ],
      }),
    );
    cloudWatch.destroy();

    const [dev, prod] = await stackActualUsage(database.prisma, stackId, now, { maxAttempts: 1 });
    expect(prod).toMatchObject({ stageName: "prod", status: "not-deployed" });
    if (dev.status !== "ok") expect.fail(`dev: ${dev.status}`);
    expect(dev.revisionNumber).toBe(1);
    const [workerUsage, cron] = dev.functions;
    expect(workerUsage).toMatchObject({ name: "worker", awsName: worker, actual: { invocations: 500_000, averageDurationMs: 140 } });
    // 500,000 requests and 500,000 × 0.14 s × 0.25 GB of duration at the eu-west-1 prices.
    const prices = PRICES[REGION].lambda;
    const expected = 0.5 * prices.requests.usd + 500_000 * 0.14 * 0.25 * prices.duration.x86_64.tiers[0].usd;
    expect(workerUsage.actual.monthToDate).toBeCloseTo(expected, 12);
    expect(workerUsage.actual.projectedMonthly).toBeGreaterThanOrEqual(workerUsage.actual.monthToDate);
    expect(workerUsage.estimatedMonthly).toBeGreaterThan(0);
    expect(cron).toMatchObject({ name: "cron", actual: { invocations: 0, monthToDate: 0, projectedMonthly: 0 } });
  });

  it("reports an unreachable AWS on the stage instead of failing the page", async () => {
    await database.prisma.awsConnection.updateMany({ where: { name: "moto" }, data: { endpoint: "http://127.0.0.1:9" } });
    const [dev] = await stackActualUsage(database.prisma, stackId, new Date(), { maxAttempts: 1, timeoutMs: 2000 });
    expect(dev).toMatchObject({ status: "error", message: expect.stringContaining("GetMetricData") });
  });
});
