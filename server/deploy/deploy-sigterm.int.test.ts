import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startCloudFormationDouble, type CloudFormationDouble } from "@/e2e/moto/cloudformation-double";
import { CRASH_SCRIPT, crashScriptTimeline } from "@/e2e/moto/crash-script";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { isGroupAlive, stopGroup } from "@/scripts/process-group";
import { asUser } from "@/server/actions/test-session";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { createStage } from "@/server/actions/stages/create-stage";
import { startDeployment } from "@/server/actions/deployments/start-deployment";
import { setupTestDatabase } from "@/server/db/test-database";
import { DEPLOY_QUEUE, QUEUE_SCHEMA, stopDeployQueue } from "./queue";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY, timeline, waitForStatus } from "./test-support";
import { startWorkerProcess } from "./test-worker-process";

// Graceful shutdown: the worker process (npm run worker) gets SIGTERM while it follows a deployment.
// It takes no new work, hands the deployment back to the queue (a job waiting for it) and exits 0
// within the grace period; a second worker started afterwards takes the job and brings the
// deployment to its end exactly once. CloudFormation is the scripted double, as in
// deploy-restart.int.test.ts; S3 and the bootstrap stack are real moto.

const database = setupTestDatabase();
const REGION = "eu-west-1";
const GRACE_SECONDS = 10;
let moto: MotoServer;
let double: CloudFormationDouble;
let people: Awaited<ReturnType<typeof seedOrganization>>;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  double = await startCloudFormationDouble({ upstream: moto.endpoint, region: REGION });
  allowAwsEmulator(moto.endpoint, double.endpoint);
  double.script("shop-term", { onExecute: CRASH_SCRIPT });
  people = await seedOrganization(database.prisma, "termco");
}, 60_000);

afterAll(async () => {
  for (const w of workers) if (w.pid && isGroupAlive(w.pid)) await stopGroup(w.pid, 5000);
  await stopDeployQueue();
  await double?.stop();
  await moto?.stop();
});

describe("a worker asked to stop (SIGTERM) during a deploy", () => {
  it("hands the deployment back and exits 0; another worker finishes it exactly once", async () => {
    const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } });
    await addRevision(database.prisma, stack.id, shopYaml(256), SHOP_CODE);
    const connection = await asUser(people.owner, () =>
      createAwsConnection({ orgSlug: people.org.slug, name: "double", defaultRegion: REGION, credentialType: "default_chain", endpoint: double.endpoint }),
    );
    if (!connection.ok) expect.fail(connection.error);
    const stage = await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId: stack.id, name: "term", awsConnectionId: connection.data.id }));
    if (!stage.ok) expect.fail(stage.error);

    const first = await startWorkerProcess(database.url, { LAMBDAPLANE_SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS) });
    workers.push(first.child);
    const started = await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId: stage.data.id }));
    if (!started.ok) expect.fail(started.error);
    const { deploymentId } = started.data;

    await waitForStatus(database.prisma, deploymentId, ["executing"], 60_000);
    await expect.poll(async () => (await timeline(database.prisma, deploymentId)).filter((e) => e.kind === "resource").length, { timeout: 10_000, interval: 50 }).toBeGreaterThanOrEqual(3);
    const exited = new Promise<number | null>((resolve) => first.child.once("exit", (code) => resolve(code)));
    const signalledAt = Date.now();
    process.kill(first.child.pid!, "SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(GRACE_SECONDS * 1000);
    const lines = first
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(["SIGTERM: stopping", "stopped"]));

    // Handed back, not abandoned: still in flight, with a job waiting for the next worker.
    expect((await database.prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } })).status).toBe("executing");
    const waiting = await database.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry') AND data->>'deploymentId' = $2`,
      DEPLOY_QUEUE,
      deploymentId,
    );
    expect(waiting[0].n).toBeGreaterThanOrEqual(1);
    const seenAtStop = (await timeline(database.prisma, deploymentId)).filter((e) => e.kind === "resource").length;
    expect(seenAtStop).toBeLessThan(CRASH_SCRIPT.length);

    workers.push((await startWorkerProcess(database.url)).child);
    const done = await waitForStatus(database.prisma, deploymentId, ["succeeded"], 60_000);
    expect(done.finishedAt).not.toBeNull();

    const events = await timeline(database.prisma, deploymentId);
    expect(events.filter((e) => e.kind === "resource").map((e) => `${e.logicalId} ${e.status}`)).toEqual(crashScriptTimeline("shop-term"));
    expect(events.filter((e) => e.eventKey === "status:succeeded")).toHaveLength(1);
    expect(new Set(events.map((e) => e.eventKey)).size).toBe(events.length);
    expect(double.calls.filter((c) => c.action === "ExecuteChangeSet")).toHaveLength(1);
  }, 240_000);
});
