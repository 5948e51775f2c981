import { expect, test } from "./test";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TestDatabase } from "@/server/db/scratch-database";
import { isGroupAlive, stopGroup } from "@/scripts/process-group";
import { createOwnDatabase, killOwnApp, seedApiToken, startOwnApp, type OwnApp } from "./crash-app";
import { motoEndpoint } from "./deployed-stage";
import { E2E } from "./env";
import { startCloudFormationDouble, type CloudFormationDouble } from "./moto/cloudformation-double";
import { CRASH_SCRIPT, crashScriptTimeline } from "./moto/crash-script";
import { SHOP_CODE, shopYaml } from "./moto/shop-stack";

// Issue 5's acceptance: the web process (`next start`, which runs the deploy workers in-process) is
// killed with SIGKILL during a deploy and started again; the deployment reaches its real terminal
// status and its timeline has every CloudFormation event exactly once. CloudFormation is the
// scripted double in front of moto (moto has no in-progress phase to kill in); S3 and the
// artifacts bootstrap stack are real moto. The app has its own database and port: the suite's
// servers (e2e/serve.ts) run deploy workers too and would otherwise pick the deployment up.

const REGION = "eu-west-1";
const PORT = E2E.appPort + 10;

let database: TestDatabase;
let double: CloudFormationDouble;
let token: string;
const apps: OwnApp[] = [];

async function seed(prisma: PrismaClient, endpoint: string) {
  const org = await prisma.organization.create({ data: { slug: "crashco", name: "Crash Co" } });
  const owner = await prisma.user.create({ data: { email: "owner@crashco.test", memberships: { create: { organizationId: org.id, role: "owner" } } } });
  const stack = await prisma.stack.create({
    data: { organizationId: org.id, name: "shop", revisions: { create: { number: 1, yaml: shopYaml(256), definition: {}, code: SHOP_CODE, message: "crash test" } } },
  });
  const connection = await prisma.awsConnection.create({ data: { organizationId: org.id, name: "double", defaultRegion: REGION, credentialType: "default_chain", endpoint } });
  await prisma.stage.create({ data: { stackId: stack.id, name: "crash", region: REGION, awsConnectionId: connection.id } });
  return seedApiToken(prisma, org.id, owner.id, ["deploy"]);
}

const auth = () => ({ authorization: `Bearer ${token}` });

function start(): Promise<OwnApp> {
  return startOwnApp({
    port: PORT,
    databaseUrl: database.url,
    // Fast polling and sweeping so the restarted server resumes the deployment within a second; the
    // connection is the double in front of moto on loopback, which the instance settings must allow.
    env: {
      LAMBDAPLANE_DEPLOY_POLL_MS: "100",
      LAMBDAPLANE_DEPLOY_SWEEP_MS: "1000",
      LAMBDAPLANE_OUTBOUND_ALLOW: [new URL(double.endpoint).host, new URL(motoEndpoint()).host].join(","),
      LAMBDAPLANE_ALLOW_AWS_ENDPOINT_OVERRIDE: "1",
      LAMBDAPLANE_ALLOW_INSTANCE_CREDENTIALS: "1",
    },
    readyPath: "/api/v1/stacks",
    headers: auth(),
  }).then((app) => (apps.push(app), app));
}

const timeline = (deploymentId: string) => database.prisma.deploymentEvent.findMany({ where: { deploymentId }, orderBy: { id: "asc" } });
const resourceEvents = async (deploymentId: string) => (await timeline(deploymentId)).filter((e) => e.kind === "resource");
const deploymentStatus = async (deploymentId: string) => (await database.prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } })).status;

test.beforeAll(async () => {
  database = await createOwnDatabase();
  double = await startCloudFormationDouble({ upstream: motoEndpoint(), region: REGION });
  double.script("shop-crash", { onExecute: CRASH_SCRIPT });
  token = await seed(database.prisma, double.endpoint);
});

test.afterAll(async () => {
  for (const app of apps) if (app.child.pid && isGroupAlive(app.child.pid)) await stopGroup(app.child.pid, 5000);
  await double?.stop();
  await database?.drop();
});

test("a next start killed with SIGKILL mid-deploy and started again follows the deployment to its real end, every event exactly once", async () => {
  test.setTimeout(240_000);
  const first = await start();
  const started = await fetch(`${first.url}/api/v1/stacks/shop/deployments`, {
    method: "POST",
    headers: { ...auth(), "content-type": "application/json" },
    body: JSON.stringify({ stage: "crash" }),
  });
  expect(started.status, await started.clone().text()).toBe(202);
  const { deploymentId } = (await started.json()) as { deploymentId: string };

  // Kill while CloudFormation is mid-way: executing, some resource events recorded, not all.
  await expect.poll(() => deploymentStatus(deploymentId), { message: `deployment never reached executing:\n${first.output()}`, timeout: 90_000, intervals: [100] }).toBe("executing");
  await expect.poll(async () => (await resourceEvents(deploymentId)).length, { message: "no resource events while executing", timeout: 20_000, intervals: [50] }).toBeGreaterThanOrEqual(3);
  await killOwnApp(first);
  const seenAtKill = (await resourceEvents(deploymentId)).length;
  console.log(`[deploy-crash] next start killed after ${seenAtKill} of ${CRASH_SCRIPT.length} resource events`);
  expect(seenAtKill, "the kill came too late: every event was already recorded").toBeLessThan(CRASH_SCRIPT.length);
  expect(await deploymentStatus(deploymentId), "with its only worker dead, the deployment stays in flight").toBe("executing");

  const second = await start();
  await expect
    .poll(async () => (await (await fetch(`${second.url}/api/v1/deployments/${deploymentId}`, { headers: auth() })).json()).status, {
      message: `the restarted server did not finish the deployment:\n${second.output()}`,
      timeout: 90_000,
      intervals: [200],
    })
    .toBe("succeeded");

  const events = await timeline(deploymentId);
  expect(
    events.filter((e) => e.kind === "resource").map((e) => `${e.logicalId} ${e.status}`),
    `${seenAtKill} events before the kill, the rest after the restart`,
  ).toEqual(crashScriptTimeline("shop-crash"));
  const keys = events.map((e) => e.eventKey);
  expect(keys.filter((key, i) => keys.indexOf(key) !== i), "duplicate timeline events").toEqual([]);
  expect(double.calls.filter((c) => c.action === "ExecuteChangeSet"), "ExecuteChangeSet calls").toHaveLength(1);
});
