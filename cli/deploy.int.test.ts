import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { createStage } from "@/server/actions/stages/create-stage";
import { createApiToken } from "@/server/actions/tokens/create-api-token";
import { startApiServer } from "@/server/api/test-server";
import { setupTestDatabase } from "@/server/db/test-database";
import { stopDeployQueue } from "@/server/deploy/queue";
import { seedOrganization, TEST_ENCRYPTION_KEY } from "@/server/deploy/test-support";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { startDeployWorker, type DeployWorker } from "@/server/deploy/worker";

// `npm run cli -- deploy` as users run it (a child process), against the REST API served on
// loopback by this process, a deploy worker, and a REAL moto server as AWS.

const database = setupTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const REGION = "eu-west-1";
const work = mkdtempSync(path.join(tmpdir(), "lambdaplane-cli-deploy-"));
let moto: MotoServer;
let worker: DeployWorker;
let api: Awaited<ReturnType<typeof startApiServer>>;
let people: Awaited<ReturnType<typeof seedOrganization>>;
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

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint, "http://127.0.0.1:9");
  people = await seedOrganization(database.prisma, "clico");
  const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } });
  const orgSlug = people.org.slug;
  const connection = ok(await asUser(people.owner, () => createAwsConnection({ orgSlug, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint })));
  ok(await asUser(people.owner, () => createStage({ orgSlug, stackId: stack.id, name: "dev", awsConnectionId: connection.id })));
  // A stage whose AWS endpoint nothing listens on: its deploys fail.
  const dead = ok(await asUser(people.owner, () => createAwsConnection({ orgSlug, name: "dead", defaultRegion: REGION, credentialType: "default_chain", endpoint: "http://127.0.0.1:9" })));
  ok(await asUser(people.owner, () => createStage({ orgSlug, stackId: stack.id, name: "broken", awsConnectionId: dead.id })));
  deployToken = ok(await asUser(people.owner, () => createApiToken({ orgSlug, name: "ci", scopes: ["deploy"], expiresInDays: 7 }))).token;
  readToken = ok(await asUser(people.owner, () => createApiToken({ orgSlug, name: "dashboard", scopes: ["read"], expiresInDays: 7 }))).token;

  writeFileSync(path.join(work, "stack.yml"), shopYaml(256));
  for (const [file, source] of Object.entries(SHOP_CODE)) {
    mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    writeFileSync(path.join(work, file), source);
  }
  // Not imported by any handler: must stay out of the revision.
  writeFileSync(path.join(work, "src", "unused.ts"), "export const unused = 1;\n");

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

describe("cli deploy", () => {
  it("uploads the file as a revision with its handler code, deploys it to moto, streams the events with a progress bar and exits 0", async () => {
    const r = await cli(["deploy", "--server", api.url, "--token", deployToken, "--stack", "shop", "--stage", "dev", "--file", path.join(work, "stack.yml"), "--message", "first"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Uploaded .*stack\.yml \(3 handler file\(s\)\) as revision 1 of shop/);
    expect(r.stdout).toMatch(/Deploying revision 1 of shop to dev \(CloudFormation stack shop-dev\), deployment \w+/);
    for (const status of ["queued", "packaging", "uploading", "creating_change_set", "executing", "succeeded"]) expect(r.stdout).toContain(`status ${status}`);
    expect(r.stdout).toContain("shop-dev (AWS::CloudFormation::Stack) CREATE_COMPLETE");
    expect(r.stdout).toContain("[####################] 5/5 succeeded");
    expect(r.stdout.trimEnd().endsWith("Deployed.")).toBe(true);

    const revision = await database.prisma.stackRevision.findFirstOrThrow({ where: { stack: { name: "shop" } } });
    expect(revision).toMatchObject({ number: 1, message: "first", authorId: people.owner.id, code: SHOP_CODE });
    const deployment = await database.prisma.deployment.findFirstOrThrow({ where: { revisionId: revision.id } });
    expect(deployment.status).toBe("succeeded");
  }, 120_000);

  it("deploys the latest revision without --file, reporting no changes", async () => {
    const r = await cli(["deploy", "--server", api.url, "--token", deployToken, "--stack", "shop", "--stage", "dev"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("status no_changes");
    expect(r.stdout).toContain("No changes: the stack is already up to date.");
  }, 120_000);

  it("exits 1 with the deployment's error when the deploy fails", async () => {
    const r = await cli(["deploy", "--server", api.url, "--token", deployToken, "--stack", "shop", "--stage", "broken"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("status failed");
    expect(r.stderr).toMatch(/^deployment \w+ failed: /m);
  }, 120_000);

  it("exits 1 with the server's message for a read-only token, starting nothing", async () => {
    const before = await database.prisma.deployment.count();
    const r = await cli(["deploy", "--server", api.url, "--token", readToken, "--stack", "shop", "--stage", "dev"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: The token dashboard has the scopes read; starting a deploy needs the deploy scope.\n");
    expect(await database.prisma.deployment.count()).toBe(before);
  }, 60_000);

  it("names a missing argument with the usage", async () => {
    const r = await cli(["deploy", "--server", api.url, "--stack", "shop", "--stage", "dev"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: --token is required \(or set LAMBDAPLANE_TOKEN\)/);
    expect(r.stderr).toContain("Usage:");
  }, 60_000);
});
