import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { createStage } from "@/server/actions/stages/create-stage";
import { startDeployment } from "@/server/actions/deployments/start-deployment";
import { db } from "@/server/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/server/db/embedded";
import { applyMigrations } from "@/server/db/migrate";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import type { AwsClients } from "@/server/aws/clients";
import { log } from "@/server/ops/log";
import { runDeployment } from "./pipeline";
import { stopDeployQueue } from "./queue";
import { defaultPipelineEnv, type PipelineEnv } from "./run-context";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY } from "./test-support";

// PostgreSQL paused (SIGSTOP to the postmaster and every backend) for a few seconds in the middle of
// a deploy against moto, under load: the pipeline's writes meet "Unable to start a transaction in
// the given time" (the failure issue 19 reports) while it is stopped, and the deployment still
// succeeds once it runs again. The server is this file's own embedded PostgreSQL (in a temporary
// folder): pausing the one the other test files share would fail their transactions too.

const PAUSE_MS = 6_000;
/** node-postgres's default pool size, which the PrismaPg adapter keeps. */
const POOL_SIZE = 10;
const REGION = "eu-west-1";
let stateDir: string;
let server: EmbeddedPostgres;
let moto: MotoServer;

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!r.ok) expect.fail(r.error);
  return r.data;
}

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), "lp-pause-"));
  await chmod(stateDir, 0o755); // PostgreSQL (nobody, when root) must enter it
  server = await startEmbeddedPostgres({ stateDir, database: "pause", preferredPort: 5633, log: () => undefined });
  await applyMigrations(server.databaseUrl);
  process.env.DATABASE_URL = server.databaseUrl;
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint);
}, 120_000);

afterAll(async () => {
  await stopDeployQueue();
  await db().$disconnect();
  await moto?.stop();
  await server?.stop();
  await rm(stateDir, { recursive: true, force: true });
});

describe("PostgreSQL paused mid-deploy", () => {
  it("the deployment waits it out and succeeds", async () => {
    const people = await seedOrganization(db(), "pauseco");
    const stack = await db().stack.create({ data: { organizationId: people.org.id, name: "shop" } });
    await addRevision(db(), stack.id, shopYaml(256), SHOP_CODE);
    const connection = ok(
      await asUser(people.owner, () =>
        createAwsConnection({ orgSlug: people.org.slug, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint }),
      ),
    );
    const stage = ok(await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId: stack.id, name: "dev", awsConnectionId: connection.id })));
    const { deploymentId } = ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId: stage.id })));

    const observer = new pg.Client({ connectionString: server.databaseUrl, application_name: "test-observer" });
    await observer.connect();
    const postmaster = Number((await readFile(path.join(stateDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
    let paused: number[] = [];
    let load: Promise<number>[] = [];
    let resumed: Promise<void> | undefined;
    const resume = () => {
      for (const pid of paused.splice(0)) process.kill(pid, "SIGCONT");
    };
    // The pause starts when the pipeline asks moto about the artifacts bucket (uploading begins; the
    // bucket's stack is created next, and that is recorded on the timeline): a hook on the
    // pipeline's own CloudFormation client, so the pause lands before that write every time.
    const pauseBeforeBootstrapWrite: Parameters<AwsClients["cloudFormation"]["middlewareStack"]["add"]>[0] = (next) => async (args) => {
      const out = await next(args);
      if (!resumed && (args.input as { StackName?: string }).StackName === "lambdaplane-bootstrap") {
        const { rows } = await observer.query<{ pid: number }>("SELECT pid FROM pg_stat_activity");
        paused = [postmaster, ...rows.map((r) => r.pid)];
        for (const pid of paused) process.kill(pid, "SIGSTOP");
        // Load: other work of the process (page requests, say) holds every pooled connection while
        // the server is stopped, so the pipeline's next transaction cannot even start in time (P2028).
        load = Array.from({ length: POOL_SIZE + 2 }, () => db().stack.count());
        resumed = new Promise((r) => setTimeout(r, PAUSE_MS)).then(resume);
      }
      return out;
    };
    const env: PipelineEnv = {
      ...defaultPipelineEnv,
      pollMs: 100,
      clients: (connectionConfig, region) => {
        const clients = defaultPipelineEnv.clients(connectionConfig, region);
        clients.cloudFormation.middlewareStack.add(pauseBeforeBootstrapWrite, { step: "deserialize" });
        return clients;
      },
    };

    const warnings = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    let warned: string[] = [];
    try {
      await expect(runDeployment(deploymentId, env)).resolves.toBe("done");
      await resumed;
    } finally {
      warned = warnings.mock.calls.map(([msg, fields]) => `${msg} ${JSON.stringify(fields ?? {})}`);
      warnings.mockRestore();
      resume();
    }
    expect(resumed).toBeDefined();
    expect(await Promise.all(load)).toHaveLength(POOL_SIZE + 2);
    const { rows } = await observer.query<{ status: string; error: string | null }>(`SELECT status, error FROM "Deployment" WHERE id = $1`, [deploymentId]);
    await observer.end();
    expect(rows[0]).toEqual({ status: "succeeded", error: null });
    // The pause really failed some of the pipeline's writes (which were retried), not only delayed its reads.
    expect(warned.filter((m) => m.includes("transient database error") && m.includes('"code":"P2028"')).length).toBeGreaterThan(0);
  }, 120_000);
});
