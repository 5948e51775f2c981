import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { createStage } from "@/server/actions/stages/create-stage";
import { createApiToken } from "@/server/actions/tokens/create-api-token";
import { startApiServer } from "@/server/api/test-server";
import { setupTestDatabase } from "@/server/db/test-database";
import { describeStack } from "@/server/deploy/cloudformation";
import { tryLockStageForPlan } from "@/server/deploy/lock";
import { stopDeployQueue } from "@/server/deploy/queue";
import { startDeployment } from "@/server/deploy/requests";
import { seedOrganization, TEST_ENCRYPTION_KEY } from "@/server/deploy/test-support";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { startDeployWorker, type DeployWorker } from "@/server/deploy/worker";

// `npm run cli -- plan` as users run it (a child process), against the REST API served on loopback by
// this process, a deploy worker (to deploy once between plans), and a REAL moto server as AWS.

const database = setupTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const REGION = "eu-west-1";
const work = mkdtempSync(path.join(tmpdir(), "lambdaplane-cli-plan-"));
const file = path.join(work, "stack.yml");
let moto: MotoServer;
let worker: DeployWorker;
let api: Awaited<ReturnType<typeof startApiServer>>;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;
let devStageId: string;
let planToken: string;
let deployToken: string;
let readToken: string;

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!r.ok) expect.fail(r.error);
  return r.data;
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.LAMBDAPLANE_TOKEN;
    delete env.LAMBDAPLANE_SERVER;
    const child = spawn(TSX, [path.join(ROOT, "cli", "index.ts"), ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const plan = (token: string, ...extra: string[]) => cli(["plan", "--server", api.url, "--token", token, "--stack", "shop", "--stage", "dev", "--file", file, ...extra]);
const cloudFormation = () => new CloudFormationClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } });

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint);
  people = await seedOrganization(database.prisma, "clip");
  stackId = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } })).id;
  const orgSlug = people.org.slug;
  const connection = ok(await asUser(people.owner, () => createAwsConnection({ orgSlug, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint })));
  devStageId = ok(await asUser(people.owner, () => createStage({ orgSlug, stackId, name: "dev", awsConnectionId: connection.id }))).id;
  planToken = ok(await asUser(people.owner, () => createApiToken({ orgSlug, name: "pr-check", scopes: ["plan"], expiresInDays: 7 }))).token;
  deployToken = ok(await asUser(people.owner, () => createApiToken({ orgSlug, name: "ci", scopes: ["deploy"], expiresInDays: 7 }))).token;
  readToken = ok(await asUser(people.owner, () => createApiToken({ orgSlug, name: "dashboard", scopes: ["read"], expiresInDays: 7 }))).token;

  writeFileSync(file, shopYaml(256));
  for (const [name, source] of Object.entries(SHOP_CODE)) {
    mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
    writeFileSync(path.join(work, name), source);
  }
  worker = await startDeployWorker({ concurrency: 1, pollingIntervalSeconds: 0.5, pipeline: { pollMs: 200 }, log: () => undefined });
  api = await startApiServer();
}, 90_000);

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await stopDeployQueue();
  await moto?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("cli plan", () => {
  it("plans a stage never deployed: every resource to add, exit 2, and leaves no stack, change set or revision behind", async () => {
    const r = await plan(planToken);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("Plan for shop to dev (CloudFormation stack shop-dev, CREATE)");
    expect(r.stdout).toMatch(/^ {2}\+ WorkerFunction +AWS::Lambda::Function$/m);
    expect(r.stdout).toMatch(/^ {2}\+ jobsQueue +AWS::SQS::Queue$/m);
    expect(r.stdout).toMatch(/^Monthly cost: \$0\.00 -> \$\d+\.\d\d a month/m);
    expect(await describeStack(cloudFormation(), "shop-dev")).toBeUndefined();
    expect(await database.prisma.stackRevision.count({ where: { stackId } })).toBe(0);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: people.org.id, action: "stack.plan" } });
    expect(audit.after).toMatchObject({ stage: "dev", counts: { add: expect.any(Number), modify: 0, remove: 0 } });
  }, 120_000);

  it("after a deploy of the same file: no changes, exit 0; a changed file: the modified resource, exit 2, as Markdown", async () => {
    const deployed = await cli(["deploy", "--server", api.url, "--token", deployToken, "--stack", "shop", "--stage", "dev", "--file", file]);
    expect(deployed.code).toBe(0);

    const same = await plan(planToken);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("No changes: the stack is already up to date.");

    writeFileSync(file, shopYaml(1024));
    const changed = await plan(planToken, "--format", "markdown");
    expect(changed.stderr).toBe("");
    expect(changed.code).toBe(2);
    expect(changed.stdout).toContain("### Lambdaplane plan: `shop` to `dev`");
    expect(changed.stdout).toMatch(/\| modify \| `WorkerFunction` \| `AWS::Lambda::Function` \|/);
    // More memory costs more: the worker's estimate goes up.
    expect(changed.stdout).toMatch(/\| `worker` \| \$[\d.]+ \| \$[\d.]+ \| \+\$[\d.]+\/month \|/);
    // The stack stays as deployed: the plan's change set was deleted, not executed.
    const stack = await describeStack(cloudFormation(), "shop-dev");
    expect(stack?.StackStatus).toBe("CREATE_COMPLETE");
    expect(await database.prisma.stackRevision.count({ where: { stackId } })).toBe(1);
  }, 180_000);

  it("a read-only token is refused with the scope it lacks, exit 1", async () => {
    const r = await plan(readToken);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: The token dashboard has the scopes read; planning a deploy needs the plan scope.\n");
  }, 60_000);

  it("never overlaps a deploy: a plan is refused while the stage's lock is held, and a deploy start while a plan holds it", async () => {
    const held = await tryLockStageForPlan(devStageId);
    expect(held).not.toBeNull();
    try {
      const r = await plan(planToken);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("error: The stage dev is busy: another plan or a deploy is starting on it. Try again in a minute.\n");
      await expect(
        database.prisma.$transaction((tx) => startDeployment(tx, people.org.id, { stageId: devStageId }, { id: people.owner.id, email: people.owner.email })),
      ).rejects.toThrow("The stage dev is busy: a plan is creating a change set on it. Try again in a minute.");
    } finally {
      await held!.release();
    }
  }, 60_000);

  it("refuses a body over the REST limit with 413 before planning", async () => {
    const res = await fetch(`${api.url}/api/v1/stacks/shop/plan`, {
      method: "POST",
      headers: { authorization: `Bearer ${planToken}`, "content-type": "application/json" },
      body: JSON.stringify({ stage: "dev", yaml: "x".repeat(9 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe("The request body is larger than this endpoint's limit of 8 MB.");
  }, 60_000);
});
