import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERNALS } from "@/server/aws/errors";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startCloudFormationDouble, type CloudFormationDouble } from "@/e2e/moto/cloudformation-double";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { createStage } from "@/server/actions/stages/create-stage";
import { cancelDeployment } from "@/server/actions/deployments/cancel-deployment";
import { startDeployment } from "@/server/actions/deployments/start-deployment";
import { setupTestDatabase } from "@/server/db/test-database";
import { stopDeployQueue } from "./queue";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY, timeline, waitForStatus } from "./test-support";
import { startDeployWorker, type DeployWorker } from "./worker";

// Failure, rollback and cancel, which moto cannot produce (it never fails a stack, has no
// in-progress phase and no CancelUpdateStack). CloudFormation here is a SCRIPTED DOUBLE
// (e2e/moto/cloudformation-double.ts) that plays realistic DescribeStackEvents sequences for the
// stacks below; S3, STS and the artifacts bootstrap stack are a real moto server behind it.

const database = setupTestDatabase();
const REGION = "eu-west-1";
let moto: MotoServer;
let double: CloudFormationDouble;
let worker: DeployWorker;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;
let connectionId: string;

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!r.ok) expect.fail(r.error);
  return r.data;
}

async function stage(name: string) {
  return ok(await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId, name, awsConnectionId: connectionId }))).id;
}

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  double = await startCloudFormationDouble({ upstream: moto.endpoint, region: REGION });
  allowAwsEmulator(moto.endpoint, double.endpoint);
  people = await seedOrganization(database.prisma, "failco");
  stackId = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } })).id;
  await addRevision(database.prisma, stackId, shopYaml(256), SHOP_CODE);
  connectionId = ok(
    await asUser(people.owner, () =>
      createAwsConnection({ orgSlug: people.org.slug, name: "double", defaultRegion: REGION, credentialType: "default_chain", endpoint: double.endpoint }),
    ),
  ).id;
  worker = await startDeployWorker({ concurrency: 2, pollingIntervalSeconds: 0.5, pipeline: { pollMs: 50 }, log: () => undefined });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await stopDeployQueue();
  await double?.stop();
  await moto?.stop();
});

describe("a first deploy that fails", () => {
  it("ends rolled_back, naming the first failing resource and its reason, with the rollback on the timeline", async () => {
    const reason = 'Resource handler returned message: "Error occurred while GetObject. S3 Error Code: AccessDenied. S3 Error Message: Access Denied"';
    double.script("shop-fail", {
      onExecute: [
        { status: "CREATE_IN_PROGRESS", reason: "User Initiated" },
        { afterMs: 20, logicalId: "jobsQueue", resourceType: "AWS::SQS::Queue", status: "CREATE_IN_PROGRESS" },
        { afterMs: 20, logicalId: "WorkerRole", resourceType: "AWS::IAM::Role", status: "CREATE_IN_PROGRESS" },
        { afterMs: 20, logicalId: "WorkerRole", resourceType: "AWS::IAM::Role", status: "CREATE_COMPLETE" },
        { afterMs: 20, logicalId: "WorkerFunction", resourceType: "AWS::Lambda::Function", status: "CREATE_IN_PROGRESS" },
        { afterMs: 20, logicalId: "WorkerFunction", resourceType: "AWS::Lambda::Function", status: "CREATE_FAILED", reason },
        { afterMs: 5, logicalId: "jobsQueue", resourceType: "AWS::SQS::Queue", status: "CREATE_FAILED", reason: "Resource creation cancelled" },
        { afterMs: 20, status: "ROLLBACK_IN_PROGRESS", reason: "The following resource(s) failed to create: [WorkerFunction, jobsQueue]. Rollback requested by user." },
        { afterMs: 20, logicalId: "WorkerRole", resourceType: "AWS::IAM::Role", status: "DELETE_IN_PROGRESS" },
        { afterMs: 20, logicalId: "WorkerRole", resourceType: "AWS::IAM::Role", status: "DELETE_COMPLETE" },
        { afterMs: 20, logicalId: "jobsQueue", resourceType: "AWS::SQS::Queue", status: "DELETE_COMPLETE" },
        { afterMs: 20, status: "ROLLBACK_COMPLETE" },
      ],
    });
    const stageId = await stage("fail");
    const { deploymentId } = ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId })));
    const done = await waitForStatus(database.prisma, deploymentId, ["rolled_back"]);
    expect(done.error).toBe(`WorkerFunction (AWS::Lambda::Function) failed: ${reason}`);

    const events = await timeline(database.prisma, deploymentId);
    expect(events.filter((e) => e.kind === "resource").map((e) => `${e.logicalId} ${e.status}`)).toEqual([
      "shop-fail CREATE_IN_PROGRESS",
      "jobsQueue CREATE_IN_PROGRESS",
      "WorkerRole CREATE_IN_PROGRESS",
      "WorkerRole CREATE_COMPLETE",
      "WorkerFunction CREATE_IN_PROGRESS",
      "WorkerFunction CREATE_FAILED",
      "jobsQueue CREATE_FAILED",
      "shop-fail ROLLBACK_IN_PROGRESS",
      "WorkerRole DELETE_IN_PROGRESS",
      "WorkerRole DELETE_COMPLETE",
      "jobsQueue DELETE_COMPLETE",
      "shop-fail ROLLBACK_COMPLETE",
    ]);
    expect(events.find((e) => e.status === "CREATE_FAILED" && e.logicalId === "WorkerFunction")?.reason).toBe(reason);
    expect(events.at(-1)).toMatchObject({ kind: "status", status: "rolled_back", reason: done.error });
    expect(new Set(events.map((e) => e.eventKey)).size).toBe(events.length);
    expect(done.activeStageId).toBeNull();
  });

  it("refuses to update a stack left in ROLLBACK_COMPLETE, saying to delete it", async () => {
    const failStage = await database.prisma.stage.findFirstOrThrow({ where: { stackId, name: "fail" } });
    const { deploymentId } = ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId: failStage.id })));
    const done = await waitForStatus(database.prisma, deploymentId, ["failed"]);
    expect(done.error).toMatch(/^The stack shop-fail is in ROLLBACK_COMPLETE: .*Delete the stage's stack, then deploy again\.$/);
  });
});

describe("a deploy against an endpoint that is not AWS", () => {
  it("fails saying so in words, with the SDK's text only in the failed status's details", async () => {
    // A proxy or a mistyped endpoint override answering a web page: a real HTTP server, the real SDK.
    const page = createServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<!doctype html><html><body>Bad gateway</body></html>");
    });
    await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    try {
      allowAwsEmulator(endpoint);
      const notAws = ok(
        await asUser(people.owner, () => createAwsConnection({ orgSlug: people.org.slug, name: "not-aws", defaultRegion: REGION, credentialType: "default_chain", endpoint })),
      ).id;
      const stageId = ok(await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId, name: "proxy", awsConnectionId: notAws }))).id;
      const { deploymentId } = ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId })));
      const done = await waitForStatus(database.prisma, deploymentId, ["failed"]);
      expect(done.error).toMatch(new RegExp(`^A call to (CloudFormation|S3) failed while [a-z ]+: the endpoint ${endpoint} answered HTTP 502 with something that is not an AWS response`));
      expect(done.error).not.toMatch(INTERNALS);
      const failed = (await timeline(database.prisma, deploymentId)).find((e) => e.kind === "status" && e.status === "failed");
      expect(failed?.reason).toBe(done.error);
      expect(failed?.data).toEqual({ details: expect.stringContaining("HTTP status 502") });
    } finally {
      await new Promise<void>((resolve) => page.close(() => resolve()));
    }
  });
});

describe("cancelling an update in flight", () => {
  it("sends CancelUpdateStack once and ends cancelled when CloudFormation has rolled the update back", async () => {
    double.script("shop-live", {
      existingStatus: "UPDATE_COMPLETE",
      onExecute: [
        { status: "UPDATE_IN_PROGRESS", reason: "User Initiated" },
        { afterMs: 20, logicalId: "WorkerFunction", resourceType: "AWS::Lambda::Function", status: "UPDATE_IN_PROGRESS" },
      ],
      onCancel: [
        { status: "UPDATE_ROLLBACK_IN_PROGRESS", reason: "Stack update cancelled" },
        { afterMs: 20, logicalId: "WorkerFunction", resourceType: "AWS::Lambda::Function", status: "UPDATE_COMPLETE" },
        { afterMs: 20, status: "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS" },
        { afterMs: 20, status: "UPDATE_ROLLBACK_COMPLETE" },
      ],
    });
    const stageId = await stage("live");
    const { deploymentId } = ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId })));
    await waitForStatus(database.prisma, deploymentId, ["executing"]);
    await expect.poll(async () => (await timeline(database.prisma, deploymentId)).some((e) => e.logicalId === "WorkerFunction"), { timeout: 10_000 }).toBe(true);

    expect(ok(await asUser(people.deployer, () => cancelDeployment({ orgSlug: people.org.slug, deploymentId })))).toEqual({ deploymentId, status: "cancelling" });
    const done = await waitForStatus(database.prisma, deploymentId, ["cancelled"]);
    expect(done.cancelRequestedById).toBe(people.deployer.id);
    expect(double.calls.filter((c) => c.action === "CancelUpdateStack")).toHaveLength(1);
    const events = await timeline(database.prisma, deploymentId);
    expect(events.map((e) => e.eventKey)).toEqual(expect.arrayContaining(["cancel:requested", "cancel:sent", "status:cancelled"]));
    expect(events.filter((e) => e.kind === "resource").map((e) => e.status).slice(-2)).toEqual([
      "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS",
      "UPDATE_ROLLBACK_COMPLETE",
    ]);
  });

  it("refuses to cancel a first deploy once CloudFormation is creating the stack", async () => {
    double.script("shop-slow", {
      onExecute: [
        { status: "CREATE_IN_PROGRESS", reason: "User Initiated" },
        { afterMs: 1500, status: "CREATE_COMPLETE" },
      ],
    });
    const stageId = await stage("slow");
    const { deploymentId } = ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId })));
    await waitForStatus(database.prisma, deploymentId, ["executing"]);
    expect(await asUser(people.deployer, () => cancelDeployment({ orgSlug: people.org.slug, deploymentId }))).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringContaining("cannot cancel a creation"),
    });
    await waitForStatus(database.prisma, deploymentId, ["succeeded"]);
  });
});
