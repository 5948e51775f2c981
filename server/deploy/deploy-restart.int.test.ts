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
import { stopDeployQueue } from "./queue";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY, timeline, waitForStatus } from "./test-support";
import { startWorkerProcess } from "./test-worker-process";

// The worker process (npm run worker) is killed with SIGKILL while it follows a deployment, then
// started again: the new process finds the deployment in flight, follows it to its real end, and
// the timeline has every CloudFormation event exactly once. CloudFormation is the scripted double
// (moto has no in-progress phase to kill a worker in); S3 and the bootstrap stack are real moto.

const database = setupTestDatabase();
const REGION = "eu-west-1";
let moto: MotoServer;
let double: CloudFormationDouble;
let people: Awaited<ReturnType<typeof seedOrganization>>;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  double = await startCloudFormationDouble({ upstream: moto.endpoint, region: REGION });
  allowAwsEmulator(moto.endpoint, double.endpoint);
  double.script("shop-crash", { onExecute: CRASH_SCRIPT });
  people = await seedOrganization(database.prisma, "crashco");
}, 60_000);

afterAll(async () => {
  for (const w of workers) if (w.pid && isGroupAlive(w.pid)) await stopGroup(w.pid, 5000);
  await stopDeployQueue();
  await double?.stop();
  await moto?.stop();
});

describe("a worker killed during a deploy", () => {
  it("is replaced by a new process that follows the deployment to its real end, without gaps or duplicates", async () => {
    const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } });
    await addRevision(database.prisma, stack.id, shopYaml(256), SHOP_CODE);
    const connection = await asUser(people.owner, () =>
      createAwsConnection({ orgSlug: people.org.slug, name: "double", defaultRegion: REGION, credentialType: "default_chain", endpoint: double.endpoint }),
    );
    if (!connection.ok) expect.fail(connection.error);
    const stage = await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId: stack.id, name: "crash", awsConnectionId: connection.data.id }));
    if (!stage.ok) expect.fail(stage.error);

    const { child: first } = await startWorkerProcess(database.url);
    workers.push(first);
    const started = await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId: stage.data.id }));
    if (!started.ok) expect.fail(started.error);
    const { deploymentId } = started.data;

    await waitForStatus(database.prisma, deploymentId, ["executing"], 60_000);
    await expect.poll(async () => (await timeline(database.prisma, deploymentId)).filter((e) => e.kind === "resource").length, { timeout: 10_000, interval: 50 }).toBeGreaterThanOrEqual(3);
    process.kill(-first.pid!, "SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const seenAtKill = (await timeline(database.prisma, deploymentId)).filter((e) => e.kind === "resource").length;
    expect(seenAtKill).toBeLessThan(CRASH_SCRIPT.length);

    await new Promise((r) => setTimeout(r, 1000));
    expect((await database.prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } })).status).toBe("executing");

    workers.push((await startWorkerProcess(database.url)).child);
    const done = await waitForStatus(database.prisma, deploymentId, ["succeeded"], 60_000);
    expect(done.finishedAt).not.toBeNull();

    const events = await timeline(database.prisma, deploymentId);
    const resourceEvents = events.filter((e) => e.kind === "resource").map((e) => `${e.logicalId} ${e.status}`);
    expect(resourceEvents).toEqual(crashScriptTimeline("shop-crash"));
    expect(new Set(events.map((e) => e.eventKey)).size).toBe(events.length);
    expect(double.calls.filter((c) => c.action === "ExecuteChangeSet")).toHaveLength(1);
  }, 120_000);
});
