import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as functionRoute from "@/app/api/orgs/[org]/stages/[stageId]/function/route";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser } from "@/server/actions/test-session";
import { requestHeaders } from "@/server/auth/request-context";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { setupTestDatabase } from "@/server/db/test-database";
import { seedOrganization } from "@/server/deploy/test-support";
import type { FunctionLiveView } from "@/lib/functions/types";
import { createFunctionOnMoto } from "./test-support";

// GET /api/orgs/<org>/stages/<id>/function through its wrappers, against real PostgreSQL and a REAL
// moto server: who sees environment values, and what a hostile or wrong request gets.

const database = setupTestDatabase();
let moto: MotoServer;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stageId: string;
const REGION = "eu-west-1";
const SECRET = "sk_route_secret";

beforeAll(async () => {
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint);
  await createFunctionOnMoto(moto.endpoint, REGION, { name: "shop-dev-worker", environment: { STRIPE_KEY: SECRET } });
  people = await seedOrganization(database.prisma, "fnroute");
  const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } });
  const yaml = "resources:\n  worker:\n    type: function\n    properties:\n      packaging:\n        type: stacktape-lambda-buildpack\n        properties:\n          entryfilePath: src/worker.ts\n";
  const revision = await database.prisma.stackRevision.create({ data: { stackId: stack.id, number: 1, yaml, definition: {}, code: {} } });
  const conn = await database.prisma.awsConnection.create({ data: { organizationId: people.org.id, name: "moto", defaultRegion: REGION, credentialType: "default_chain", endpoint: moto.endpoint } });
  const dev = await database.prisma.stage.create({ data: { stackId: stack.id, name: "dev", region: REGION, awsConnectionId: conn.id, deployedStackName: "shop" } });
  await database.prisma.deployment.create({ data: { stageId: dev.id, revisionId: revision.id, status: "succeeded", cfnStackName: "shop-dev", finishedAt: new Date() } });
  stageId = dev.id;
}, 90_000);
afterAll(async () => {
  await moto?.stop();
});

async function get(user: { id: string; email: string }, query: string, stage = stageId, org = people.org.slug) {
  const headers = await asUser(user, requestHeaders);
  return functionRoute.GET(new Request(`http://app.test/api/orgs/${org}/stages/${stage}/function?${query}`, { headers }), { params: Promise.resolve({ org, stageId: stage }) });
}

describe("the function route", () => {
  // The first request starts the compute workers that parse the deployed revision.
  it("gives a deployer the environment values and a viewer only the names", { timeout: 120_000 }, async () => {
    const deployer = await get(people.deployer, "function=worker");
    expect(deployer.status).toBe(200);
    const seen = (await deployer.json()) as FunctionLiveView;
    expect(seen.configuration).toMatchObject({ ok: true, value: { environment: [{ name: "STRIPE_KEY", value: SECRET }] } });

    const viewer = await get(people.viewer, "function=worker");
    expect(viewer.status).toBe(200);
    const body = await viewer.text();
    expect(body).not.toContain(SECRET);
    expect(JSON.parse(body)).toMatchObject({ configuration: { ok: true, value: { environment: [{ name: "STRIPE_KEY", value: null }], environmentRedacted: true } } });
  });

  it("refuses another organization's stage, a missing or unknown function, quickly and by name", async () => {
    const other = await seedOrganization(database.prisma, "fnroute-other");
    const started = Date.now();
    // A member of another organization asking for this stage through their own organization: not found.
    expect((await get(other.owner, "function=worker", stageId, other.org.slug)).status).toBe(404);
    // And through this organization, of which they are not a member: not found either.
    expect((await get(other.owner, "function=worker")).status).toBe(404);
    const missing = await get(people.viewer, "");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: "function: choose a function.", fieldErrors: { function: expect.any(String) } });
    const unknown = await get(people.viewer, `function=${"x".repeat(100_000)}`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/^function: the stage dev has no deployed function named "x+"\.$/);
    // Under a second here; the bound leaves room for a machine loaded by parallel test runs.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
