import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { asUser } from "@/server/actions/test-session";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { createStage } from "@/server/actions/stages/create-stage";
import { startDeployment } from "@/server/actions/deployments/start-deployment";
import { cancelDeployment } from "@/server/actions/deployments/cancel-deployment";
import { db } from "@/server/db/client";
import { setupTestDatabase } from "@/server/db/test-database";
import { stopDeployQueue } from "@/server/deploy/queue";
import { deploymentEventStream } from "@/server/deploy/stream";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY, waitForStatus } from "@/server/deploy/test-support";
import { startDeployWorker, type DeployWorker } from "@/server/deploy/worker";
import { INSTANCE_SETTINGS } from "@/server/instance/settings";
import { GET } from "@/app/api/metrics/route";
import { endAllStreams } from "./open-streams";
import { startWorkerMetricsServer } from "./worker-metrics-server";
import { readQueueStats } from "./queue-stats";

// /api/metrics against a real deployment (in-process worker, real moto): the deployment's end is
// counted, the queue is read from pg-boss, open streams are counted and ended with a retry hint;
// and the endpoint is the operator's only: 404 without the setting, 401 without its token.

const database = setupTestDatabase();
const REGION = "eu-west-1";
const TOKEN = "metrics-token-0123456789abcdef0123456789";
let moto: MotoServer;
let worker: DeployWorker;

const scrape = (authorization?: string) => GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!r.ok) expect.fail(r.error);
  return r.data;
}

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint);
  worker = await startDeployWorker({ concurrency: 1, pollingIntervalSeconds: 0.5, pipeline: { pollMs: 100 }, log: () => undefined });
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await worker?.stop();
  await stopDeployQueue();
  await moto?.stop();
});

describe("the metrics endpoint's token", () => {
  it("answers 404 when no token is set: the endpoint does not exist", async () => {
    vi.stubEnv(INSTANCE_SETTINGS.metricsToken, "");
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(404);
  });

  it("answers 401 without the bearer token or with a wrong one, and the metrics with it", async () => {
    vi.stubEnv(INSTANCE_SETTINGS.metricsToken, TOKEN);
    for (const authorization of [undefined, "Bearer", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`, "Bearer " + "a".repeat(100_000)]) {
      const res = await scrape(authorization);
      expect(res.status, authorization?.slice(0, 40)).toBe(401);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/^Authorization: send the metrics token/) });
    }
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    // prom-client's process figures come with the application's.
    const text = await res.text();
    expect(text).toMatch(/^lambdaplane_process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^lambdaplane_nodejs_eventloop_lag_seconds [\d.e+-]+$/m);
  });
});

describe("a scrape", () => {
  it("counts a deployment's end, the queue, and open streams; a stopping process ends its streams with a retry hint", async () => {
    vi.stubEnv(INSTANCE_SETTINGS.metricsToken, TOKEN);
    const people = await seedOrganization(database.prisma, "metricsco");
    const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } });
    await addRevision(database.prisma, stack.id, shopYaml(256), SHOP_CODE);
    const connection = ok(
      await asUser(people.owner, () =>
        createAwsConnection({ orgSlug: people.org.slug, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint }),
      ),
    );
    const stage = ok(await asUser(people.owner, () => createStage({ orgSlug: people.org.slug, stackId: stack.id, name: "dev", awsConnectionId: connection.id })));
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(before).not.toMatch(/lambdaplane_deployments_finished_total\{/);

    const { deploymentId } = ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId: stage.id })));
    const stream = await deploymentEventStream(db(), deploymentId, new Request("http://localhost/x"));
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = decoder.decode((await reader.read()).value);
    expect(await (await scrape(`Bearer ${TOKEN}`)).text()).toContain('lambdaplane_sse_connections{stream="deployment"} 1\n');

    expect(endAllStreams(1500)).toBe(1);
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += decoder.decode(chunk.value);
    }
    expect(received.endsWith("retry: 1500\n\n")).toBe(true);
    expect(await (await scrape(`Bearer ${TOKEN}`)).text()).toContain('lambdaplane_sse_connections{stream="deployment"} 0\n');

    await waitForStatus(database.prisma, deploymentId, ["succeeded"], 150_000);
    // The pipeline counts right after the status commits, which the test may see first.
    await expect.poll(async () => (await scrape(`Bearer ${TOKEN}`)).text(), { timeout: 10_000, interval: 100 }).toContain(
      'lambdaplane_deployments_finished_total{operation="deploy",status="succeeded"} 1\n',
    );
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(text).toContain('lambdaplane_deployment_duration_seconds_count{operation="deploy",status="succeeded"} 1\n');
    expect(text).toMatch(/lambdaplane_queue_jobs\{queue="lambdaplane-deploy",state="waiting"\} \d+\n/);
    expect(text).toMatch(/lambdaplane_queue_oldest_job_age_seconds\{queue="lambdaplane-notify"\} [\d.e+-]+\n/);
    // No organization, stage or deployment id in any label: the series stay bounded.
    for (const id of [people.org.slug, people.org.id, stage.id, deploymentId]) expect(text).not.toContain(id);

    // A cancel before execution is counted once: by the cancel, not again by the job that tidies up after it.
    const second = ok(await asUser(people.deployer, () => startDeployment({ orgSlug: people.org.slug, stageId: stage.id })));
    ok(await asUser(people.deployer, () => cancelDeployment({ orgSlug: people.org.slug, deploymentId: second.deploymentId })));
    await expect
      .poll(async () => (await readQueueStats()).find((q) => q.queue === "lambdaplane-deploy"), { timeout: 30_000, interval: 200 })
      .toMatchObject({ waiting: 0, active: 0 });
    const afterCancel = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(afterCancel).toContain('lambdaplane_deployments_finished_total{operation="deploy",status="cancelled"} 1\n');
    expect(afterCancel).toContain('lambdaplane_deployments_finished_total{operation="deploy",status="succeeded"} 1\n');

    // A worker process answers the same on its own port.
    const server = (await startWorkerMetricsServer(0))!;
    try {
      expect((await fetch(`http://127.0.0.1:${server.port}/api/metrics`)).status).toBe(401);
      const fromWorker = await fetch(`http://127.0.0.1:${server.port}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(await fromWorker.text()).toContain('lambdaplane_deployments_finished_total{operation="deploy",status="succeeded"} 1\n');
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  }, 300_000);
});
