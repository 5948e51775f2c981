import {
  AddPermissionCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  LambdaClient,
  RemovePermissionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { createStage } from "@/server/actions/stages/create-stage";
import { startDeployment } from "@/server/actions/deployments/start-deployment";
import { checkDrift } from "@/server/actions/drift/check-drift";
import { reconcileDrift } from "@/server/actions/drift/reconcile-drift";
import { adoptDrift } from "@/server/actions/drift/adopt-drift";
import { setupTestDatabase } from "@/server/db/test-database";
import { stopDeployQueue } from "@/server/deploy/queue";
import { SHOP_CODE } from "@/e2e/moto/shop-stack";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY, waitForStatus } from "@/server/deploy/test-support";
import { startDeployWorker, type DeployWorker } from "@/server/deploy/worker";
import { encryptSecret } from "@/server/crypto";
import type { DriftResults } from "./check-stage";
import { runDueDriftChecks } from "./schedule";
import { stageDrifts } from "./queries";

// Drift checks against a REAL moto server: deploy through the pipeline, change the function with
// the Lambda API directly (as someone in the AWS console would), check. moto has no CloudFormation
// drift detection: the check records that and stands on the Lambda-level comparison.

const database = setupTestDatabase();
const REGION = "eu-west-1";
let moto: MotoServer;
let worker: DeployWorker;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stageId: string;

const YAML = `resources:
  worker:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/worker.ts
      memory: 256
      environment:
        - name: MODE
          value: normal
        - name: QUEUE_ARN
          value: $CfResourceParam('jobsQueue', 'Arn')
      events:
        - type: sqs
          properties:
            queueArn: $CfResourceParam('jobsQueue', 'Arn')
        - type: schedule
          properties:
            scheduleRate: rate(2 hours)
cloudformationResources:
  jobsQueue:
    Type: AWS::SQS::Queue
`;

const lambda = () => new LambdaClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "x", secretAccessKey: "x" } });

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!r.ok) expect.fail(r.error);
  return r.data;
}

async function latestCheck() {
  const row = await database.prisma.driftCheck.findFirstOrThrow({ where: { stageId }, orderBy: { createdAt: "desc" } });
  return { ...row, results: row.results as unknown as DriftResults };
}

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint);
  people = await seedOrganization(database.prisma, "driftco");
  const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } });
  await addRevision(database.prisma, stack.id, YAML, SHOP_CODE);
  const connection = ok(
    await asUser(people.owner, () =>
      createAwsConnection({ orgSlug: people.org.slug, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint }),
    ),
  );
  stageId = ok(await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId: stack.id, name: "dev", awsConnectionId: connection.id }))).id;
  worker = await startDeployWorker({ concurrency: 1, pollingIntervalSeconds: 0.5, pipeline: { pollMs: 100 }, log: () => undefined });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await stopDeployQueue();
  await moto?.stop();
});

describe("drift checks against moto", () => {
  it("GIVEN a stage never deployed THEN the check is unknown and says why", async () => {
    const r = ok(await asUser(people.deployer, () => checkDrift({ orgSlug: people.org.slug, stageId })));
    expect(r.status).toBe("unknown");
    expect(r.error).toMatch(/no deployed stack/);
  });

  it("GIVEN a fresh deploy THEN in sync: no false drift from defaults or resolved values; CloudFormation drift is reported unsupported", async () => {
    const { deploymentId } = ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId })));
    await waitForStatus(database.prisma, deploymentId, ["succeeded"], 150_000);
    const r = ok(await asUser(people.deployer, () => checkDrift({ orgSlug: people.org.slug, stageId })));
    const check = await latestCheck();
    expect(check.results.drifts).toEqual([]);
    expect(r).toMatchObject({ status: "in_sync", driftCount: 0, error: null });
    expect(check.startedById).toBe(people.deployer.id);
    expect(check.results.cloudFormation).toMatchObject({ status: "not_supported", message: expect.stringContaining("not supported by the endpoint") });
    // The queue's and the schedule rule's ARNs are GetAtts CloudFormation resolves: unknown, not compared.
    expect(check.results.unknown.map((u) => `${u.resource} ${u.property}`)).toEqual(["WorkerFunction Environment.QUEUE_ARN", "WorkerEvent1Permission SourceArn"]);
    const audit = await database.prisma.auditEvent.findFirst({ where: { organizationId: people.org.id, action: "drift.check" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ actorId: people.deployer.id, targetId: stageId });
  }, 240_000);

  it("GIVEN memory, one variable and the code changed with the Lambda API THEN exactly those three drifts with both values", async () => {
    const before = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: "shop-dev-worker" }));
    await lambda().send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: "shop-dev-worker",
        MemorySize: 1024,
        Environment: { Variables: { ...before.Environment?.Variables, MODE: "incident" } },
      }),
    );
    await lambda().send(new UpdateFunctionCodeCommand({ FunctionName: "shop-dev-worker", ZipFile: new TextEncoder().encode("hot-fixed zip") }));
    const after = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: "shop-dev-worker" }));

    const r = ok(await asUser(people.deployer, () => checkDrift({ orgSlug: people.org.slug, stageId })));
    expect(r).toMatchObject({ status: "drifted", driftCount: 3 });
    const { results } = await latestCheck();
    expect(results.drifts).toEqual([
      { resource: "WorkerFunction", property: "MemorySize", deployed: 256, live: 1024 },
      { resource: "WorkerFunction", property: "Environment.MODE", deployed: "normal", live: "incident" },
      { resource: "WorkerFunction", property: "CodeSha256", deployed: before.CodeSha256, live: after.CodeSha256 },
    ]);

    // Live environment values are shown to people who may deploy only (as on the function page); the rest see that it drifted.
    const stackId = (await database.prisma.stage.findUniqueOrThrow({ where: { id: stageId } })).stackId;
    const [hidden] = await stageDrifts(database.prisma, stackId, { revealEnvironment: false });
    expect(hidden.latest?.results.drifts).toEqual([
      { resource: "WorkerFunction", property: "MemorySize", deployed: 256, live: 1024 },
      { resource: "WorkerFunction", property: "Environment.MODE", deployed: "normal", live: null, liveHidden: true },
      { resource: "WorkerFunction", property: "CodeSha256", deployed: before.CodeSha256, live: after.CodeSha256 },
    ]);
    const [shown] = await stageDrifts(database.prisma, stackId, { revealEnvironment: true });
    expect(shown.latest?.results.drifts[1]).toMatchObject({ property: "Environment.MODE", live: "incident" });
    // An editor may adopt live values, but not one they may not see: the preview and the revision would show it.
    const editor = await database.prisma.user.create({ data: { email: "editor@driftco.test", memberships: { create: { organizationId: people.org.id, role: "editor" } } } });
    const adopt = await asUser(editor, () => adoptDrift({ orgSlug: people.org.slug, checkId: hidden.latest!.id, picks: ["WorkerFunction Environment.MODE"], baseNumber: 1 }));
    expect(adopt).toMatchObject({ ok: false, status: 403 });
    expect(JSON.stringify(adopt)).not.toContain("incident");
  }, 60_000);

  it("GIVEN the drifted stage WHEN reconciled THEN the pipeline deploys the same revision and the next check is in sync", async () => {
    const started = ok(await asUser(people.deployer, () => reconcileDrift({ orgSlug: people.org.slug, stageId })));
    expect(started.revision).toBe(1);
    await waitForStatus(database.prisma, started.deploymentId, ["succeeded"], 150_000);
    const r = ok(await asUser(people.deployer, () => checkDrift({ orgSlug: people.org.slug, stageId })));
    expect((await latestCheck()).results.drifts).toEqual([]);
    expect(r.status).toBe("in_sync");
    const audit = await database.prisma.auditEvent.findFirst({ where: { organizationId: people.org.id, action: "drift.reconcile" } });
    expect(audit).toMatchObject({ actorId: people.deployer.id, targetId: stageId });
  }, 240_000);

  it("GIVEN scheduled checks WHEN the same drift is found twice THEN one stage.drifted per new drift; interval off or not due: no check", async () => {
    const url = "https://hooks.example.test/drift";
    await database.prisma.notificationTarget.create({ data: { stageId, kind: "webhook", urlEncrypted: encryptSecret(url), urlHint: url, events: ["drifted"] } });
    const drifted = () => database.prisma.notificationDelivery.findMany({ where: { event: "drifted", target: { stageId } }, orderBy: { createdAt: "asc" } });
    const day = 24 * 3_600_000;
    let now = Date.now();
    const sweep = () => runDueDriftChecks(new Date((now += day + 1)));

    // Checked a moment ago (the reconcile test): not due yet.
    expect(await runDueDriftChecks(new Date())).toEqual([]);
    expect(await sweep()).toEqual([stageId]);
    expect((await latestCheck()).status).toBe("in_sync");
    expect(await drifted()).toHaveLength(0);

    await lambda().send(new UpdateFunctionConfigurationCommand({ FunctionName: "shop-dev-worker", MemorySize: 512 }));
    expect(await sweep()).toEqual([stageId]);
    const first = await latestCheck();
    expect(first).toMatchObject({ status: "drifted", startedById: null });
    expect(await drifted()).toHaveLength(1);
    expect((await drifted())[0]).toMatchObject({ deploymentId: first.id, status: "pending" });
    expect((await drifted())[0].payload).toMatchObject({
      event: "stage.drifted",
      stage: "dev",
      drift: { checkId: first.id, count: 1, drifts: [{ resource: "WorkerFunction", property: "MemorySize" }], checkedBy: null },
    });

    // The same drift again: checked, not announced again.
    expect(await sweep()).toEqual([stageId]);
    expect((await latestCheck()).status).toBe("drifted");
    expect(await drifted()).toHaveLength(1);

    // A different drift: announced.
    await lambda().send(new UpdateFunctionConfigurationCommand({ FunctionName: "shop-dev-worker", Timeout: 60 }));
    await sweep();
    expect(await drifted()).toHaveLength(2);

    await database.prisma.stage.update({ where: { id: stageId }, data: { driftCheckIntervalHours: null } });
    expect(await sweep()).toEqual([]);
  }, 120_000);

  it("GIVEN live memory drift WHEN adopted THEN a new revision says the live memory and its deploy leaves memory in sync", async () => {
    const check = await latestCheck();
    expect(check.results.drifts.map((d) => d.property)).toContain("MemorySize");
    const input = { orgSlug: people.org.slug, checkId: check.id, picks: ["WorkerFunction MemorySize"], baseNumber: 1 };
    expect(await asUser(people.deployer, () => adoptDrift(input))).toMatchObject({ ok: false, status: 403 });
    expect(await asUser(people.owner, () => adoptDrift({ ...input, picks: ["WorkerFunction CodeSha256"] }))).toMatchObject({ ok: false, status: 400 });
    const revision = ok(await asUser(people.owner, () => adoptDrift(input)));
    expect(revision.number).toBe(2);
    const saved = await database.prisma.stackRevision.findUniqueOrThrow({ where: { id: revision.id } });
    expect(saved.yaml).toMatch(/memory: 512/);
    expect(saved.message).toBe("Adopted live values of stage dev: WorkerFunction MemorySize");
    expect(await database.prisma.auditEvent.count({ where: { organizationId: people.org.id, action: "drift.adopt" } })).toBe(1);

    const { deploymentId } = ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId, revisionId: revision.id })));
    await waitForStatus(database.prisma, deploymentId, ["succeeded", "no_changes"], 150_000);
    expect((await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: "shop-dev-worker" }))).MemorySize).toBe(512);
    ok(await asUser(people.deployer, () => checkDrift({ orgSlug: people.org.slug, stageId })));
    expect((await latestCheck()).results.drifts.filter((d) => d.property === "MemorySize")).toEqual([]);
  }, 240_000);

  it("GIVEN the schedule's invoke grant removed and another account granted with the Lambda API THEN both are drift", async () => {
    const policy = JSON.parse((await lambda().send(new GetPolicyCommand({ FunctionName: "shop-dev-worker" }))).Policy ?? "{}") as { Statement: { Sid: string }[] };
    expect(policy.Statement).toHaveLength(1);
    await lambda().send(new RemovePermissionCommand({ FunctionName: "shop-dev-worker", StatementId: policy.Statement[0].Sid }));
    await lambda().send(new AddPermissionCommand({ FunctionName: "shop-dev-worker", StatementId: "open-door", Action: "lambda:InvokeFunction", Principal: "999999999999" }));
    const r = ok(await asUser(people.deployer, () => checkDrift({ orgSlug: people.org.slug, stageId })));
    expect(r.status).toBe("drifted");
    expect((await latestCheck()).results.drifts).toEqual([
      { resource: "WorkerEvent1Permission", property: "(resource)", deployed: "lambda:InvokeFunction by events.amazonaws.com", live: null },
      { resource: "WorkerFunction", property: "Policy.open-door", deployed: null, live: "lambda:InvokeFunction by 999999999999" },
    ]);
  }, 60_000);

  it("refuses a viewer (403) and another organization's stage (404)", async () => {
    const viewer = await asUser(people.viewer, () => checkDrift({ orgSlug: people.org.slug, stageId }));
    expect(viewer).toMatchObject({ ok: false, status: 403 });
    const other = await seedOrganization(database.prisma, "otherco");
    const foreign = await asUser(other.owner, () => checkDrift({ orgSlug: other.org.slug, stageId }));
    expect(foreign).toMatchObject({ ok: false, status: 404 });
  });
});
