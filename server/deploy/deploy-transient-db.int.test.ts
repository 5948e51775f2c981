import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { createStage } from "@/server/actions/stages/create-stage";
import { startDeployment } from "@/server/actions/deployments/start-deployment";
import { setupTestDatabase } from "@/server/db/test-database";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { runDeployment } from "./pipeline";
import { stopDeployQueue } from "./queue";
import { defaultPipelineEnv } from "./run-context";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY, timeline } from "./test-support";

// Transient database errors inside the deploy pipeline's steps, made by a real PostgreSQL against a
// real moto server: the test holds a row lock on the deployment, so the step's first write waits on
// it, and then either terminates that waiting connection (pg_terminate_backend, as a restart or a
// failover does) or lets the step's transaction run out of time (P2028). The deployment must still
// succeed. The pipeline runs here directly (no worker): an error it did not absorb reaches the test.

const database = setupTestDatabase();
const REGION = "eu-west-1";
let moto: MotoServer;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;
let connectionId: string;
let admin: pg.Client;

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!r.ok) expect.fail(r.error);
  return r.data;
}

async function queuedDeployment(stageName: string): Promise<string> {
  const stage = ok(await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId, name: stageName, awsConnectionId: connectionId })));
  return ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId: stage.id }))).deploymentId;
}

/** A connection of its own that holds the deployment's row lock until release(). */
async function lockDeployment(deploymentId: string) {
  const holder = new pg.Client({ connectionString: database.url, application_name: "test-lock-holder" });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query(`SELECT "id" FROM "Deployment" WHERE "id" = $1 FOR UPDATE`, [deploymentId]);
  return {
    pid: (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid,
    release: async () => {
      await holder.query("ROLLBACK");
      await holder.end();
    },
  };
}

/** The backend waiting for a lock the holder has: the pipeline's write. */
async function waiterOn(holderPid: number, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [holderPid]);
    if (rows.length > 0) return rows[0].pid;
    if (Date.now() > deadline) expect.fail("no write of the pipeline waited for the deployment's lock");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const env = { ...defaultPipelineEnv, pollMs: 50 };

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint);
  people = await seedOrganization(database.prisma, "flakyco");
  stackId = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } })).id;
  await addRevision(database.prisma, stackId, shopYaml(256), SHOP_CODE);
  connectionId = ok(
    await asUser(people.owner, () =>
      createAwsConnection({ orgSlug: people.org.slug, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint }),
    ),
  ).id;
  admin = new pg.Client({ connectionString: database.url, application_name: "test-admin" });
  await admin.connect();
}, 60_000);

afterAll(async () => {
  await admin?.end();
  await stopDeployQueue();
  await moto?.stop();
});

describe("transient database errors in the pipeline's steps", () => {
  it("a step whose connection is terminated twice while it writes still moves the deployment on, and it succeeds", async () => {
    const deploymentId = await queuedDeployment("dev");
    const lock = await lockDeployment(deploymentId);
    const run = runDeployment(deploymentId, env);
    run.catch(() => undefined);
    const killed: number[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const pid = await waiterOn(lock.pid);
        await admin.query("SELECT pg_terminate_backend($1)", [pid]);
        killed.push(pid);
      }
      // The third attempt gets the lock once it is released.
      await waiterOn(lock.pid);
    } finally {
      await lock.release();
    }
    expect(new Set(killed).size).toBe(2);
    await expect(run).resolves.toBe("done");
    const d = await database.prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
    expect({ status: d.status, error: d.error }).toEqual({ status: "succeeded", error: null });
    const statuses = (await timeline(database.prisma, deploymentId)).filter((e) => e.kind === "status").map((e) => e.status);
    expect(statuses).toEqual(["queued", "packaging", "uploading", "creating_change_set", "executing", "succeeded"]);
  }, 60_000);

  it("a step whose transaction cannot finish in its time (P2028) is retried, and the deployment succeeds", async () => {
    const deploymentId = await queuedDeployment("qa");
    const lock = await lockDeployment(deploymentId);
    const run = runDeployment(deploymentId, env);
    run.catch(() => undefined);
    try {
      await waiterOn(lock.pid);
      // Past Prisma's 5 s transaction timeout: the first attempt expires while it waits.
      await new Promise((r) => setTimeout(r, 6_000));
    } finally {
      await lock.release();
    }
    await expect(run).resolves.toBe("done");
    const d = await database.prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
    expect({ status: d.status, error: d.error }).toEqual({ status: "succeeded", error: null });
  }, 60_000);
});
