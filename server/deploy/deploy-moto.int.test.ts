import { DescribeStackResourcesCommand, DescribeStacksCommand, ListChangeSetsCommand } from "@aws-sdk/client-cloudformation";
import { GetFunctionConfigurationCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { createStage } from "@/server/actions/stages/create-stage";
import { approveDeployment } from "@/server/actions/deployments/approve-deployment";
import { cancelDeployment } from "@/server/actions/deployments/cancel-deployment";
import { deleteStageStack } from "@/server/actions/deployments/delete-stage-stack";
import { startDeployment } from "@/server/actions/deployments/start-deployment";
import { awsClients } from "@/server/aws/clients";
import { setupTestDatabase } from "@/server/db/test-database";
import type { ChangeSetSummary } from "./change-set";
import { stopDeployQueue } from "./queue";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY, timeline, waitForStatus } from "./test-support";
import { startDeployWorker, type DeployWorker } from "./worker";

// The deploy pipeline end to end against a REAL moto server (python3 -m moto.server, started here):
// the actions queue deployments, an in-process worker packages, uploads, creates change sets and
// follows CloudFormation. moto gives stack-level events only and never fails a stack; failure and
// rollback are covered against a scripted double in deploy-failure.int.test.ts.

const database = setupTestDatabase();
const REGION = "eu-west-1";
let moto: MotoServer;
let worker: DeployWorker;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;
let devStageId: string;

const aws = () => awsClients({ credentialType: "default_chain", roleArn: null, externalId: null, endpoint: moto.endpoint }, REGION, { maxAttempts: 1 });
const lambda = () => new LambdaClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "x", secretAccessKey: "x" } });

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!r.ok) expect.fail(r.error);
  return r.data;
}

async function deploy(stageId: string, user = people.deployer) {
  return ok(await asUser(user, () => startDeployment({ orgSlug: people.org.slug, stageId })));
}

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint);
  people = await seedOrganization(database.prisma, "shopco");
  const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } });
  stackId = stack.id;
  await addRevision(database.prisma, stackId, shopYaml(256), SHOP_CODE);
  const connection = ok(
    await asUser(people.owner, () =>
      createAwsConnection({ orgSlug: people.org.slug, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint }),
    ),
  );
  devStageId = ok(await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId, name: "dev", awsConnectionId: connection.id }))).id;
  worker = await startDeployWorker({ concurrency: 2, pollingIntervalSeconds: 0.5, pipeline: { pollMs: 100 }, log: () => undefined });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await stopDeployQueue();
  await moto?.stop();
});

describe("deploying to moto", () => {
  it("deploys functions with S3 code, an SQS trigger, a schedule and log groups; DescribeStacks shows the stack", async () => {
    const { deploymentId, cloudFormationStackName } = await deploy(devStageId);
    expect(cloudFormationStackName).toBe("shop-dev");
    const done = await waitForStatus(database.prisma, deploymentId, ["succeeded"]);

    const stack = (await aws().cloudFormation.send(new DescribeStacksCommand({ StackName: "shop-dev" }))).Stacks![0];
    expect(stack.StackStatus).toBe("CREATE_COMPLETE");
    const resources = (await aws().cloudFormation.send(new DescribeStackResourcesCommand({ StackName: "shop-dev" }))).StackResources!;
    const types = resources.map((r) => `${r.LogicalResourceId}:${r.ResourceType}`).sort();
    expect(types).toEqual(
      expect.arrayContaining([
        "WorkerFunction:AWS::Lambda::Function",
        "CronFunction:AWS::Lambda::Function",
        "WorkerEvent0EventSourceMapping:AWS::Lambda::EventSourceMapping",
        "CronEvent0Rule:AWS::Events::Rule",
        "WorkerLogGroup:AWS::Logs::LogGroup",
        "CronLogGroup:AWS::Logs::LogGroup",
        "jobsQueue:AWS::SQS::Queue",
      ]),
    );
    const fn = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: "shop-dev-worker" }));
    expect(fn).toMatchObject({ MemorySize: 256, Handler: "index.default", Runtime: "nodejs24.x" });

    const artifacts = done.artifacts as { bucket: string; functions: Record<string, { key: string; uploaded: boolean }> };
    expect(Object.keys(artifacts.functions).sort()).toEqual(["cron", "worker"]);
    expect(Object.values(artifacts.functions).every((f) => f.uploaded)).toBe(true);
    const head = await aws().s3.send(new HeadObjectCommand({ Bucket: artifacts.bucket, Key: artifacts.functions.worker.key }));
    expect(head.ContentLength).toBeGreaterThan(0);

    const events = await timeline(database.prisma, deploymentId);
    expect(events.filter((e) => e.kind === "status").map((e) => e.status)).toEqual([
      "queued",
      "packaging",
      "uploading",
      "creating_change_set",
      "executing",
      "succeeded",
    ]);
    expect(events.filter((e) => e.kind === "resource").map((e) => `${e.logicalId}:${e.status}`)).toEqual(["shop-dev:CREATE_IN_PROGRESS", "shop-dev:CREATE_COMPLETE"]);
    expect(new Set(events.map((e) => e.eventKey)).size).toBe(events.length);
    const summary = done.changeSet as unknown as ChangeSetSummary;
    expect(summary.type).toBe("CREATE");
    expect(summary.counts.add).toBe(resources.length);
    expect(done.finishedAt).not.toBeNull();
    expect(done.activeStageId).toBeNull();
    expect((await database.prisma.stage.findUniqueOrThrow({ where: { id: devStageId } })).deployedStackName).toBe("shop");
  });

  it("ends a second deploy of the same revision as no_changes, uploading nothing", async () => {
    const { deploymentId } = await deploy(devStageId);
    const done = await waitForStatus(database.prisma, deploymentId, ["no_changes"]);
    const artifacts = done.artifacts as { functions: Record<string, { uploaded: boolean }> };
    expect(Object.values(artifacts.functions).map((f) => f.uploaded)).toEqual([false, false]);
    const events = await timeline(database.prisma, deploymentId);
    expect(events.filter((e) => e.kind === "upload").map((e) => e.status)).toEqual(["ALREADY_UPLOADED", "ALREADY_UPLOADED"]);
    expect(events.at(-1)).toMatchObject({ kind: "status", status: "no_changes" });
  });

  it("shows a memory change as a Modify of that function in the change set", async () => {
    await addRevision(database.prisma, stackId, shopYaml(512), SHOP_CODE);
    const { deploymentId } = await deploy(devStageId);
    const done = await waitForStatus(database.prisma, deploymentId, ["succeeded"]);
    const summary = done.changeSet as unknown as ChangeSetSummary;
    expect(summary.type).toBe("UPDATE");
    expect(summary.changes).toContainEqual(expect.objectContaining({ action: "modify", logicalId: "WorkerFunction", resourceType: "AWS::Lambda::Function" }));
    expect(summary.changes.find((c) => c.logicalId === "CronFunction")).toBeUndefined();
    const fn = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: "shop-dev-worker" }));
    expect(fn.MemorySize).toBe(512);
  });

  it("starts exactly one CloudFormation operation for two concurrent deploy requests, and names the running one to the other", async () => {
    const revision = await addRevision(database.prisma, stackId, shopYaml(768), SHOP_CODE);
    const changeSets = async () => (await aws().cloudFormation.send(new ListChangeSetsCommand({ StackName: "shop-dev" }))).Summaries ?? [];
    const before = (await changeSets()).length;
    const results = await Promise.all([
      asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId: devStageId })),
      asUser(people.owner, () => startDeployment({ orgSlug: people.org.slug, stageId: devStageId })),
    ]);
    const started = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(started).toHaveLength(1);
    const winner = (started[0] as { data: { deploymentId: string } }).data.deploymentId;
    expect(refused[0]).toMatchObject({ ok: false, status: 409, error: expect.stringContaining(`deployment ${winner}`) });
    await waitForStatus(database.prisma, winner, ["succeeded"]);
    expect((await changeSets()).length - before).toBe(1);
    expect(await database.prisma.deployment.count({ where: { stageId: devStageId, revisionId: revision.id } })).toBe(1);
  });

  it("refuses a viewer", async () => {
    expect(await asUser(people.viewer, () => startDeployment({ orgSlug: people.org.slug, stageId: devStageId }))).toMatchObject({ ok: false, status: 403 });
  });
});

describe("protected stages", () => {
  let prodStageId: string;
  beforeAll(async () => {
    const connectionId = (await database.prisma.awsConnection.findFirstOrThrow({ where: { organizationId: people.org.id } })).id;
    prodStageId = ok(
      await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId, name: "prod", awsConnectionId: connectionId, protected: true })),
    ).id;
  });

  it("waits for an admin or owner's approval with the change set ready, then executes it", async () => {
    const { deploymentId } = await deploy(prodStageId);
    const waiting = await waitForStatus(database.prisma, deploymentId, ["awaiting_approval"]);
    expect((waiting.changeSet as unknown as ChangeSetSummary).counts.add).toBeGreaterThan(5);
    expect(await describeStatus("shop-prod")).toBe("REVIEW_IN_PROGRESS");

    expect(await asUser(people.deployer, () => approveDeployment({ orgSlug: people.org.slug, deploymentId }))).toMatchObject({ ok: false, status: 403 });
    ok(await asUser(people.owner, () => approveDeployment({ orgSlug: people.org.slug, deploymentId })));
    const done = await waitForStatus(database.prisma, deploymentId, ["succeeded"]);
    expect(done.approvedById).toBe(people.owner.id);
    expect(await describeStatus("shop-prod")).toBe("CREATE_COMPLETE");
    const kinds = (await timeline(database.prisma, deploymentId)).map((e) => e.status ?? e.kind);
    expect(kinds.indexOf("awaiting_approval")).toBeLessThan(kinds.indexOf("approval"));
    expect(kinds.indexOf("approval")).toBeLessThan(kinds.indexOf("executing"));
  });

  it("cancels a deploy waiting for approval and deletes its change set", async () => {
    await addRevision(database.prisma, stackId, shopYaml(1024), SHOP_CODE);
    const { deploymentId } = await deploy(prodStageId);
    await waitForStatus(database.prisma, deploymentId, ["awaiting_approval"]);
    expect(ok(await asUser(people.deployer, () => cancelDeployment({ orgSlug: people.org.slug, deploymentId })))).toEqual({ deploymentId, status: "cancelled" });
    const done = await waitForStatus(database.prisma, deploymentId, ["cancelled"]);
    expect(done.activeStageId).toBeNull();
    await expect.poll(async () => (await timeline(database.prisma, deploymentId)).some((e) => e.eventKey === "change_set:deleted"), { timeout: 10_000 }).toBe(true);
    const summaries = (await aws().cloudFormation.send(new ListChangeSetsCommand({ StackName: "shop-prod" }))).Summaries ?? [];
    expect(summaries.map((s) => s.ChangeSetName)).not.toContain(`lambdaplane-${deploymentId}`);
  });
});

async function describeStatus(stackName: string) {
  return (await aws().cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0]?.StackStatus;
}

describe("deleting a stage's stack", () => {
  it("asks for the stack's name, then deletes the stack", async () => {
    expect(await asUser(people.owner, () => deleteStageStack({ orgSlug: people.org.slug, stageId: devStageId, confirmation: "dev" }))).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { confirmation: 'Type "shop-dev" exactly.' },
    });
    const { deploymentId } = ok(await asUser(people.owner, () => deleteStageStack({ orgSlug: people.org.slug, stageId: devStageId, confirmation: "shop-dev" })));
    await waitForStatus(database.prisma, deploymentId, ["succeeded"]);
    await expect(aws().cloudFormation.send(new DescribeStacksCommand({ StackName: "shop-dev" }))).rejects.toThrow(/does not exist/);
    expect((await database.prisma.stage.findUniqueOrThrow({ where: { id: devStageId } })).deployedStackName).toBeNull();
    const events = await timeline(database.prisma, deploymentId);
    expect(events.filter((e) => e.kind === "resource").map((e) => e.status)).toEqual(["DELETE_IN_PROGRESS", "DELETE_COMPLETE"]);
  });
});
