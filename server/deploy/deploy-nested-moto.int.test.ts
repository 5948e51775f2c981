import { DescribeStackResourcesCommand, DescribeStacksCommand, ListStacksCommand, type StackResource } from "@aws-sdk/client-cloudformation";
import { GetFunctionConfigurationCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { createStage } from "@/server/actions/stages/create-stage";
import { deleteStageStack } from "@/server/actions/deployments/delete-stage-stack";
import { startDeployment } from "@/server/actions/deployments/start-deployment";
import { awsClients } from "@/server/aws/clients";
import { setupTestDatabase } from "@/server/db/test-database";
import { nestedTemplatePrefix } from "@/server/package/code-locations";
import { nestedStackOf } from "@/lib/deploy/nested-stack";
import { NESTED_SHOP_CODE, NESTED_SHOP_FUNCTIONS, nestedShopFunction, nestedShopYaml } from "@/e2e/moto/shop-stack";
import type { ChangeSetSummary } from "./change-set";
import { stopDeployQueue } from "./queue";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY, timeline, waitForStatus } from "./test-support";
import { startDeployWorker, type DeployWorker } from "./worker";

// A stack past the 500 resources one CloudFormation stack may hold, deployed through the pipeline to
// a REAL moto server: split into nested stacks, updated in one of them, deleted. moto creates
// nested stacks from the templates the pipeline uploads and gives each nested stack stack-level
// events of its own (no resource events, as for the root).

const database = setupTestDatabase();
const REGION = "eu-west-1";
const STACK = "jobs-dev";
let moto: MotoServer;
let worker: DeployWorker;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;
let stageId: string;

const aws = () => awsClients({ credentialType: "default_chain", roleArn: null, externalId: null, endpoint: moto.endpoint }, REGION, { maxAttempts: 1 });
const lambda = () => new LambdaClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "x", secretAccessKey: "x" } });

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!r.ok) expect.fail(r.error);
  return r.data;
}

async function deploy() {
  return ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId }))).deploymentId;
}

async function stackResources(stackName: string): Promise<StackResource[]> {
  return (await aws().cloudFormation.send(new DescribeStackResourcesCommand({ StackName: stackName }))).StackResources ?? [];
}

/** The root's nested stacks: logical id in the root, and the nested stack's name (its physical id in moto). */
async function nestedStacks(): Promise<Map<string, string>> {
  const nested = (await stackResources(STACK)).filter((r) => r.ResourceType === "AWS::CloudFormation::Stack");
  return new Map(nested.map((r) => [r.LogicalResourceId!, r.PhysicalResourceId!]));
}

/** The nested stack (logical id in the root) that holds the function. */
async function nestedStackHolding(fn: string, stacks: Map<string, string>): Promise<string> {
  const logicalId = `${fn[0].toUpperCase()}${fn.slice(1)}Function`;
  for (const [nested, physical] of stacks) {
    if ((await stackResources(physical)).some((r) => r.LogicalResourceId === logicalId)) return nested;
  }
  return expect.fail(`no nested stack holds ${logicalId}`);
}

/** The nested templates uploaded for the stack, by key under its nested prefix. */
async function nestedTemplates(artifacts: unknown): Promise<string[]> {
  const prefix = nestedTemplatePrefix(STACK);
  const listed = await aws().s3.send(new ListObjectsV2Command({ Bucket: (artifacts as { bucket: string }).bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key!.slice(prefix.length)).sort();
}

const memoryOf = async (fn: string) => (await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: `${STACK}-${fn}` }))).MemorySize;

async function stackEvents(deploymentId: string) {
  const events = (await timeline(database.prisma, deploymentId)).filter((e) => e.kind === "resource");
  return events.map((e) => ({ nestedStack: nestedStackOf(e.data), logicalId: e.logicalId, status: e.status }));
}

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint);
  people = await seedOrganization(database.prisma, "bigco");
  stackId = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "jobs" } })).id;
  await addRevision(database.prisma, stackId, nestedShopYaml(), NESTED_SHOP_CODE);
  const connection = ok(
    await asUser(people.owner, () =>
      createAwsConnection({ orgSlug: people.org.slug, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint }),
    ),
  );
  stageId = ok(await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId, name: "dev", awsConnectionId: connection.id }))).id;
  worker = await startDeployWorker({ concurrency: 1, pollingIntervalSeconds: 0.5, pipeline: { pollMs: 100 }, log: () => undefined });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await stopDeployQueue();
  await moto?.stop();
});

describe("a stack split into nested stacks, on moto", () => {
  let firstStacks: Map<string, string>;

  it("deploys the root with nested stacks holding the functions, from templates uploaded under the stack's nested prefix; the timeline has the nested stacks' events", async () => {
    const deploymentId = await deploy();
    const done = await waitForStatus(database.prisma, deploymentId, ["succeeded"], 120_000);

    const root = await stackResources(STACK);
    firstStacks = await nestedStacks();
    expect([...firstStacks.keys()].sort()).toEqual(["NestedStack0", "NestedStack1"]);
    expect(root.filter((r) => r.ResourceType === "AWS::Lambda::Function")).toEqual([]);
    expect(root.filter((r) => r.ResourceType === "AWS::SQS::Queue")).toHaveLength(NESTED_SHOP_FUNCTIONS);
    for (const physical of firstStacks.values()) {
      const status = (await aws().cloudFormation.send(new DescribeStacksCommand({ StackName: physical }))).Stacks?.[0]?.StackStatus;
      expect(status).toBe("CREATE_COMPLETE");
    }
    for (const i of [0, 35, NESTED_SHOP_FUNCTIONS - 1]) {
      const fn = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: `${STACK}-${nestedShopFunction(i)}` }));
      expect(fn).toMatchObject({ MemorySize: 128, Handler: "index.default", Runtime: "nodejs24.x" });
    }

    expect((await nestedTemplates(done.artifacts)).map((key) => key.replace(/-[0-9a-f]{20}\.json$/, ""))).toEqual(["NestedStack0", "NestedStack1"]);

    const events = await stackEvents(deploymentId);
    expect(events.filter((e) => e.nestedStack === null).map((e) => `${e.logicalId}:${e.status}`)).toEqual([`${STACK}:CREATE_IN_PROGRESS`, `${STACK}:CREATE_COMPLETE`]);
    for (const [nested, physical] of firstStacks) {
      expect(events.filter((e) => e.nestedStack === nested).map((e) => `${e.logicalId}:${e.status}`)).toEqual([`${physical}:CREATE_IN_PROGRESS`, `${physical}:CREATE_COMPLETE`]);
    }
    const stored = (await timeline(database.prisma, deploymentId)).filter((e) => e.kind === "resource");
    expect(stored.map((e) => e.at.getTime())).toEqual(stored.map((e) => e.at.getTime()).sort((a, b) => a - b));
  }, 150_000);

  it("updates one function's memory: only the nested stack holding it changes, and its events are on the timeline", async () => {
    const fn = nestedShopFunction(7);
    const holder = await nestedStackHolding(fn, firstStacks);
    const other = [...firstStacks.keys()].find((n) => n !== holder)!;
    await addRevision(database.prisma, stackId, nestedShopYaml({ [fn]: 512 }), NESTED_SHOP_CODE);
    const deploymentId = await deploy();
    const done = await waitForStatus(database.prisma, deploymentId, ["succeeded"], 120_000);

    const summary = done.changeSet as unknown as ChangeSetSummary;
    // moto also lists every queue of the root as modified (they have no properties to compare).
    const stackChanges = summary.changes.filter((c) => c.resourceType === "AWS::CloudFormation::Stack");
    expect(stackChanges.map((c) => `${c.action}:${c.logicalId}`)).toEqual([`modify:${holder}`]);
    expect(summary.changes.filter((c) => c.resourceType !== "AWS::CloudFormation::Stack" && c.resourceType !== "AWS::SQS::Queue")).toEqual([]);
    const templates = await nestedTemplates(done.artifacts);
    expect(templates.filter((key) => key.startsWith(`${holder}-`))).toHaveLength(2);
    expect(templates.filter((key) => key.startsWith(`${other}-`))).toHaveLength(1);

    expect(await memoryOf(fn)).toBe(512);
    expect(await memoryOf(nestedShopFunction(8))).toBe(128);
    // moto replaces a nested stack whose template changed (a new stack, created; the old one deleted)
    // where CloudFormation updates it in place; the unchanged one keeps its stack and has no events.
    const now = await nestedStacks();
    expect(now.get(other)).toBe(firstStacks.get(other));
    expect(now.get(holder)).not.toBe(firstStacks.get(holder));
    const events = await stackEvents(deploymentId);
    expect(events.filter((e) => e.nestedStack === null).map((e) => `${e.logicalId}:${e.status}`)).toEqual([`${STACK}:UPDATE_IN_PROGRESS`, `${STACK}:UPDATE_COMPLETE`]);
    expect(events.filter((e) => e.nestedStack !== null).map((e) => `${e.nestedStack}:${e.logicalId}:${e.status}`)).toEqual([
      `${holder}:${now.get(holder)}:CREATE_IN_PROGRESS`,
      `${holder}:${now.get(holder)}:CREATE_COMPLETE`,
    ]);
    expect(events[0]).toMatchObject({ nestedStack: null, status: "UPDATE_IN_PROGRESS" });
    firstStacks = now;
  }, 150_000);

  it("deletes the root and the nested stacks, leaving none that moto would create again", async () => {
    const { deploymentId } = ok(await asUser(people.owner, () => deleteStageStack({ orgSlug: people.org.slug, stageId, confirmation: STACK })));
    await waitForStatus(database.prisma, deploymentId, ["succeeded"], 120_000);
    for (const name of [STACK, ...firstStacks.values()]) {
      await expect(aws().cloudFormation.send(new DescribeStacksCommand({ StackName: name })), name).rejects.toThrow(/does not exist/);
    }
    const left = (await aws().cloudFormation.send(new ListStacksCommand({}))).StackSummaries ?? [];
    expect(left.filter((s) => s.StackName!.startsWith(STACK) && s.StackStatus !== "DELETE_COMPLETE")).toEqual([]);
    // moto deletes the whole stack within DeleteStack and gives the root stack-level events only, so
    // the nested stacks are gone before the pipeline could learn of them: only the root's events show.
    expect((await stackEvents(deploymentId)).map((e) => `${e.nestedStack ?? "root"}:${e.status}`)).toEqual(["root:DELETE_IN_PROGRESS", "root:DELETE_COMPLETE"]);
  }, 150_000);
});
