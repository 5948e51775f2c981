import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { asUser } from "@/server/actions/test-session";
import { createApiToken } from "@/server/actions/tokens/create-api-token";
import { revokeApiToken } from "@/server/actions/tokens/revoke-api-token";
import { setupTestDatabase } from "@/server/db/test-database";
import { stopDeployQueue } from "@/server/deploy/queue";
import { addRevision, seedOrganization, TEST_ENCRYPTION_KEY } from "@/server/deploy/test-support";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { startApiServer } from "./test-server";

// The REST API over real HTTP (route handlers behind a loopback server) against real PostgreSQL:
// bearer tokens, scopes and roles, revisions with their conflicts, rendering, starting deploys.

const database = setupTestDatabase();
let api: Awaited<ReturnType<typeof startApiServer>>;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;
const tokens: Record<"read" | "deploy" | "revoked" | "expired" | "other", string> = { read: "", deploy: "", revoked: "", expired: "", other: "" };

async function token(user: { id: string; email: string }, orgSlug: string, scopes: ("read" | "deploy" | "admin")[], name = scopes.join("+")) {
  const r = await asUser(user, () => createApiToken({ orgSlug, name, scopes, expiresInDays: 30 }));
  if (!r.ok) expect.fail(r.error);
  return r.data;
}

function call(path: string, bearer: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (bearer) headers.set("authorization", `Bearer ${bearer}`);
  if (init.body) headers.set("content-type", "application/json");
  return fetch(`${api.url}${path}`, { ...init, headers });
}

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  allowAwsEmulator("http://127.0.0.1:9");
  people = await seedOrganization(database.prisma, "apico");
  const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } });
  stackId = stack.id;
  await addRevision(database.prisma, stackId, shopYaml(256), SHOP_CODE);
  const connection = await database.prisma.awsConnection.create({
    data: { organizationId: people.org.id, name: "local", defaultRegion: "eu-west-1", credentialType: "default_chain", endpoint: "http://127.0.0.1:9" },
  });
  await database.prisma.stage.create({ data: { stackId, name: "dev", region: "eu-west-1", awsConnectionId: connection.id } });

  tokens.read = (await token(people.owner, people.org.slug, ["read"])).token;
  tokens.deploy = (await token(people.owner, people.org.slug, ["deploy"])).token;
  const revoked = await token(people.owner, people.org.slug, ["admin"], "old ci");
  const r = await asUser(people.owner, () => revokeApiToken({ orgSlug: people.org.slug, tokenId: revoked.id }));
  expect(r.ok).toBe(true);
  tokens.revoked = revoked.token;
  const expired = await token(people.owner, people.org.slug, ["admin"], "short");
  await database.prisma.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  tokens.expired = expired.token;
  const other = await seedOrganization(database.prisma, "otherco");
  await database.prisma.stack.create({ data: { organizationId: other.org.id, name: "secret-stack" } });
  tokens.other = (await token(other.owner, other.org.slug, ["admin"])).token;
  api = await startApiServer();
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await stopDeployQueue();
});

describe("authentication", () => {
  it("answers 401 without a token, with an unknown one, a revoked one and an expired one, saying which", async () => {
    const none = await call("/api/v1/stacks", null);
    expect(none.status).toBe(401);
    expect((await none.json()).error).toMatch(/Authorization: Bearer/);
    expect((await call("/api/v1/stacks", "lpt_not-a-real-token")).status).toBe(401);
    const revoked = await call("/api/v1/stacks", tokens.revoked);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error).toMatch(/old ci was revoked/);
    const expired = await call("/api/v1/stacks", tokens.expired);
    expect(expired.status).toBe(401);
    expect((await expired.json()).error).toMatch(/short expired/);
    // A revoked or expired token cannot act either, not only read.
    const deploy = await call("/api/v1/stacks/shop/deployments", tokens.revoked, { method: "POST", body: JSON.stringify({ stage: "dev" }) });
    expect(deploy.status).toBe(401);
  });

  it("stores only the token's hash and records when it was last used", async () => {
    const rows = await database.prisma.apiToken.findMany({ where: { organizationId: people.org.id } });
    for (const row of rows) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.values(tokens)).not.toContain(row.tokenHash);
    }
    await call("/api/v1/stacks", tokens.read);
    const used = rows.find((r) => tokens.read.startsWith(r.prefix) && r.name === "read")!;
    expect((await database.prisma.apiToken.findUniqueOrThrow({ where: { id: used.id } })).lastUsedAt).not.toBeNull();
  });

  it("stops working once its creator leaves the organization", async () => {
    const leaver = await database.prisma.user.create({ data: { email: "leaver@apico.test", memberships: { create: { organizationId: people.org.id, role: "admin" } } } });
    const t = await token(leaver, people.org.slug, ["read"]);
    expect((await call("/api/v1/stacks", t.token)).status).toBe(200);
    await database.prisma.membership.deleteMany({ where: { userId: leaver.id } });
    const res = await call("/api/v1/stacks", t.token);
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatch(/no longer a member/);
  });
});

describe("scopes", () => {
  it("lets a read token list stacks but not start a deploy (403 with a message) or save YAML", async () => {
    const list = await call("/api/v1/stacks", tokens.read);
    expect(list.status).toBe(200);
    expect((await list.json()).stacks).toEqual([expect.objectContaining({ name: "shop", latestRevision: 1, stages: 1 })]);

    const before = await database.prisma.deployment.count();
    const deploy = await call("/api/v1/stacks/shop/deployments", tokens.read, { method: "POST", body: JSON.stringify({ stage: "dev" }) });
    expect(deploy.status).toBe(403);
    expect((await deploy.json()).error).toBe("The token read has the scopes read; starting a deploy needs the deploy scope.");
    expect(await database.prisma.deployment.count()).toBe(before);

    const save = await call("/api/v1/stacks/shop/yaml", tokens.read, { method: "PUT", body: JSON.stringify({ baseRevision: 1, yaml: shopYaml(512) }) });
    expect(save.status).toBe(403);
  });

  it("bounds a token by its creator's role", async () => {
    // A token created while its creator was an admin, who has since become a viewer.
    const demoted = await database.prisma.user.create({ data: { email: "demoted@apico.test", memberships: { create: { organizationId: people.org.id, role: "admin" } } } });
    const t = await token(demoted, people.org.slug, ["deploy"]);
    await database.prisma.membership.updateMany({ where: { userId: demoted.id }, data: { role: "viewer" } });
    const res = await call("/api/v1/stacks/shop/deployments", t.token, { method: "POST", body: JSON.stringify({ stage: "dev" }) });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/acts as demoted@apico.test, whose role \(viewer\) does not allow starting a deploy/);
  });

  it("keeps organizations apart: another organization's token finds nothing", async () => {
    expect((await (await call("/api/v1/stacks", tokens.other)).json()).stacks).toEqual([expect.objectContaining({ name: "secret-stack" })]);
    const res = await call("/api/v1/stacks/shop/yaml", tokens.other);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("resources:");
  });
});

describe("stack YAML", () => {
  it("reads the latest revision's YAML and code", async () => {
    const res = await call("/api/v1/stacks/shop/yaml", tokens.read);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stack: "shop", revision: 1, yaml: shopYaml(256), code: SHOP_CODE });
    expect((await call("/api/v1/stacks/nope/yaml", tokens.read)).status).toBe(404);
    // A name that is not valid percent-encoding is no stack's: 404, not a 500 from decoding it.
    expect((await call("/api/v1/stacks/%E0%A4%A/yaml", tokens.read)).status).toBe(404);
    expect((await call("/api/v1/stacks/%", tokens.read)).status).toBe(404);
  });

  it("saves a new revision, audited as the token's creator with the token's id", async () => {
    const res = await call("/api/v1/stacks/shop/yaml", tokens.deploy, {
      method: "PUT",
      body: JSON.stringify({ baseRevision: 1, yaml: shopYaml(512), code: SHOP_CODE, message: "from CI" }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ stack: "shop", revision: 2 });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: people.org.id, action: "stack.revision.save" } });
    const deployToken = await database.prisma.apiToken.findFirstOrThrow({ where: { organizationId: people.org.id, name: "deploy" } });
    expect(audit).toMatchObject({ actorId: people.owner.id, actorEmail: people.owner.email, apiTokenId: deployToken.id, targetId: stackId });
  });

  it("refuses a stale base with 409 and the newer revision, and invalid YAML with 400 naming the problem", async () => {
    const stale = await call("/api/v1/stacks/shop/yaml", tokens.deploy, { method: "PUT", body: JSON.stringify({ baseRevision: 1, yaml: shopYaml(1024) }) });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error).toMatch(/revision 2 was saved after the one you started from/);
    expect(body.latest).toMatchObject({ number: 2, yaml: shopYaml(512), canvasPositions: {}, authorEmail: people.owner.email });

    const bad = await call("/api/v1/stacks/shop/yaml", tokens.deploy, { method: "PUT", body: JSON.stringify({ baseRevision: 2, yaml: "resources:\n  x:\n    type: nonsense\n" }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^yaml: /);
    const missing = await call("/api/v1/stacks/shop/yaml", tokens.deploy, { method: "PUT", body: JSON.stringify({ yaml: shopYaml(1) }) });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toBe("baseRevision: give the revision number your edit starts from (0 for a stack without revisions)");
    const notText = await call("/api/v1/stacks/shop/yaml", tokens.deploy, { method: "PUT", body: JSON.stringify({ baseRevision: 2, yaml: 123 }) });
    expect((await notText.json()).error).toBe("yaml: give the stack definition as a YAML string");
    // 400,000 characters but 1.2 MB in UTF-8: the limit is in bytes, as its message says.
    const multiByte = `${shopYaml(512)}# ${"€".repeat(400_000)}\n`;
    const big = await call("/api/v1/stacks/shop/yaml", tokens.deploy, { method: "PUT", body: JSON.stringify({ baseRevision: 2, yaml: multiByte }) });
    expect(big.status).toBe(400);
    expect((await big.json()).error).toBe("yaml: the definition is limited to 1 MB");
    expect(await database.prisma.stackRevision.count({ where: { stackId } })).toBe(2);
  });
});

describe("rendering", () => {
  it("renders a revision for a stage, with the packaged code's content hash as its S3 key", async () => {
    const res = await call("/api/v1/stacks/shop/render?stage=dev&revision=1", tokens.read);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ stack: "shop", stage: "dev", region: "eu-west-1", revision: 1 });
    const worker = body.template.Resources.WorkerFunction;
    expect(worker.Type).toBe("AWS::Lambda::Function");
    expect(worker.Properties.Code.S3Key).toMatch(/^functions\/[0-9a-f]{64}\.zip$/);
    expect(worker.Properties.MemorySize).toBe(256);
  });

  it("needs a region for a stage that does not exist yet", async () => {
    expect((await call("/api/v1/stacks/shop/render?stage=qa", tokens.read)).status).toBe(404);
    const res = await call("/api/v1/stacks/shop/render?stage=qa&region=us-east-2", tokens.read);
    expect(res.status).toBe(200);
    expect((await call("/api/v1/stacks/shop/render?stage=qa&region=mars", tokens.read)).status).toBe(400);
  });
});

describe("deploying", () => {
  it("starts a deploy with a deploy token (202), audited, and reads its status and events", async () => {
    const res = await call("/api/v1/stacks/shop/deployments", tokens.deploy, { method: "POST", body: JSON.stringify({ stage: "dev", revision: 1 }) });
    expect(res.status).toBe(202);
    const started = await res.json();
    expect(started).toMatchObject({ stage: "dev", revision: 1, cloudFormationStackName: "shop-dev" });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: people.org.id, action: "deployment.start" } });
    expect(audit).toMatchObject({ actorId: people.owner.id, targetId: started.deploymentId, apiTokenId: expect.any(String) });

    const status = await call(`/api/v1/deployments/${started.deploymentId}`, tokens.read);
    expect(await status.json()).toMatchObject({ id: started.deploymentId, status: "queued", stack: "shop", stage: "dev", revision: 1 });
    expect((await call(`/api/v1/deployments/${started.deploymentId}`, tokens.other)).status).toBe(404);
    expect((await call(`/api/v1/deployments/${started.deploymentId}/events`, tokens.other)).status).toBe(404);
    const events = await (await call(`/api/v1/deployments/${started.deploymentId}/events`, tokens.read)).json();
    expect(events.events).toEqual([expect.objectContaining({ kind: "status", status: "queued", reason: `Started by ${people.owner.email}` })]);

    const busy = await call("/api/v1/stacks/shop/deployments", tokens.deploy, { method: "POST", body: JSON.stringify({ stage: "dev" }) });
    expect(busy.status).toBe(409);
    expect((await busy.json()).error).toContain(`deployment ${started.deploymentId}`);
  });

  it("names a missing stage", async () => {
    const res = await call("/api/v1/stacks/shop/deployments", tokens.deploy, { method: "POST", body: JSON.stringify({ stage: "prod" }) });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/no stage named prod/);
  });

  it("names the stage field once when it is left out", async () => {
    const res = await call("/api/v1/stacks/shop/deployments", tokens.deploy, { method: "POST", body: JSON.stringify({}) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "stage: give the stage to deploy to, e.g. dev", fieldErrors: { stage: "give the stage to deploy to, e.g. dev" } });
  });
});

describe("canvas positions over the REST API", () => {
  it("a PUT keeps the latest revision's positions of the resources that remain; a stale one gets them in the 409's latest", async () => {
    const latest = await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId }, orderBy: { number: "desc" } });
    const positions = { worker: { x: 300, y: -20 }, jobsQueue: { x: 10, y: 500 }, gone: { x: 1, y: 1 } };
    await database.prisma.stackRevision.create({ data: { stackId, number: latest.number + 1, yaml: latest.yaml, definition: {}, code: latest.code as object, canvasPositions: positions } });

    const put = await call("/api/v1/stacks/shop/yaml", tokens.deploy, { method: "PUT", body: JSON.stringify({ baseRevision: latest.number + 1, yaml: shopYaml(1024), code: SHOP_CODE }) });
    expect(put.status).toBe(201);
    const saved = await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId, number: latest.number + 2 } });
    expect(saved.canvasPositions).toEqual({ worker: positions.worker, jobsQueue: positions.jobsQueue });

    const stale = await call("/api/v1/stacks/shop/yaml", tokens.deploy, { method: "PUT", body: JSON.stringify({ baseRevision: latest.number, yaml: shopYaml(128) }) });
    expect(stale.status).toBe(409);
    expect((await stale.json()).latest).toEqual({
      number: latest.number + 2,
      yaml: shopYaml(1024),
      code: SHOP_CODE,
      canvasPositions: { worker: positions.worker, jobsQueue: positions.jobsQueue },
      message: null,
      authorEmail: people.owner.email,
      createdAt: saved.createdAt.toISOString(),
    });
  });
});
