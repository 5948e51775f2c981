import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./test";
import { createHash, randomBytes } from "node:crypto";
import { E2E, USERS } from "./env";
import { withE2eDatabase } from "./db-fixtures";

// Bounded work under `next start`: stack checks run in the compute workers (server/compute), whose
// entry must load from the production build, and REST bodies are read with a byte cap.

/** An API token of `ownerEmail` in `orgSlug`, stored as the tokens page stores one (sha256 of the secret). */
async function seedToken(orgSlug: string, ownerEmail: string, scopes: string[]): Promise<Record<string, string>> {
  const token = `lpt_${randomBytes(32).toString("base64url")}`;
  await withE2eDatabase(async (client) => {
    const org = await client.organization.findUniqueOrThrow({ where: { slug: orgSlug } });
    const owner = await client.user.findUniqueOrThrow({ where: { email: ownerEmail } });
    await client.apiToken.create({
      data: { organizationId: org.id, name: `bounded-${randomBytes(3).toString("hex")}`, prefix: token.slice(0, 10), tokenHash: createHash("sha256").update(token).digest("hex"), scopes, expiresAt: new Date(Date.now() + 86_400_000), createdById: owner.id },
    });
  });
  return { authorization: `Bearer ${token}` };
}

// Its own stack, a copy of Acme's seeded "orders" in Initech: the specs that run later expect Acme's
// stacks and "orders" unchanged.
const STACK = "bounded-work";

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    const orders = await client.stack.findFirstOrThrow({ where: { name: "orders", organization: { slug: E2E.acme.orgSlug } }, include: { revisions: { orderBy: { number: "desc" }, take: 1 } } });
    const [latest] = orders.revisions;
    const initech = await client.organization.findUniqueOrThrow({ where: { slug: E2E.initech.orgSlug } });
    await client.stack.create({
      data: {
        organizationId: initech.id,
        name: STACK,
        revisions: { create: { number: 1, yaml: latest.yaml, definition: latest.definition as object, code: latest.code as object, message: "Copied for bounded-work.spec" } },
      },
    });
  });
});

async function latestRevision(request: APIRequestContext, auth: Record<string, string>) {
  const res = await request.get(`${E2E.appUrl}/api/v1/stacks/${STACK}/yaml`, { headers: auth });
  expect(res.status()).toBe(200);
  return (await res.json()) as { revision: number; yaml: string; code: Record<string, string> };
}

test("the REST API saves and renders through the compute workers and refuses a 20 MB body with 413", async ({ request }) => {
  const auth = await seedToken(E2E.initech.orgSlug, USERS.initechOwner, ["deploy"]);
  const latest = await latestRevision(request, auth);

  const saved = await request.put(`${E2E.appUrl}/api/v1/stacks/${STACK}/yaml`, { headers: auth, data: { baseRevision: latest.revision, yaml: latest.yaml, code: latest.code } });
  expect(saved.status(), await saved.text()).toBe(201);
  const invalid = await request.put(`${E2E.appUrl}/api/v1/stacks/${STACK}/yaml`, { headers: auth, data: { baseRevision: latest.revision + 1, yaml: "resources:\n  api:\n    type: no-such-type\n" } });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error).toMatch(/^yaml: .*resources\.api/);
  const rendered = await request.get(`${E2E.appUrl}/api/v1/stacks/${STACK}/render?stage=dev&region=eu-west-1`, { headers: auth });
  expect(rendered.status(), await rendered.text()).toBe(200);
  expect((await rendered.json()).template.Resources).toBeTruthy();

  const huge = await request.put(`${E2E.appUrl}/api/v1/stacks/${STACK}/yaml`, { headers: { ...auth, "content-type": "application/json" }, data: JSON.stringify({ baseRevision: 0, yaml: "x".repeat(20 * 1024 * 1024) }) });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toBe("The request body is larger than this endpoint's limit of 8 MB.");
});

test("another organization's requests are answered while a 60,000-key definition is being checked", async ({ request }) => {
  const tenant = await seedToken(E2E.initech.orgSlug, USERS.initechOwner, ["deploy"]);
  const globex = await seedToken(E2E.globex.orgSlug, USERS.globexOwner, ["read"]);
  const latest = await latestRevision(request, tenant);
  const yaml = ["resources:", ...Array.from({ length: 60_000 }, (_, i) => `  r${i + 1}: 1`)].join("\n");

  let answered = false;
  const hostile = request.put(`${E2E.appUrl}/api/v1/stacks/${STACK}/yaml`, { headers: tenant, data: { baseRevision: latest.revision, yaml }, timeout: 30_000 }).finally(() => (answered = true));
  const latencies: number[] = [];
  while (!answered) {
    const started = performance.now();
    const res = await request.get(`${E2E.appUrl}/api/v1/stacks`, { headers: globex });
    expect(res.status()).toBe(200);
    latencies.push(performance.now() - started);
  }
  const res = await hostile;
  // 400 once the parser's bounds refuse it, 422 when the compute time limit stops it: never a stall.
  expect([400, 422]).toContain(res.status());
  expect(Math.max(...latencies), `unrelated request latencies (ms): ${latencies.map(Math.round).join(", ")}`).toBeLessThan(1500);
});
