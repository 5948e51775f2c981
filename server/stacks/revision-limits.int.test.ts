import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asUser } from "@/server/actions/test-session";
import { saveRevision } from "@/server/actions/stacks/save-revision";
import { restoreRevision } from "@/server/actions/stacks/restore-revision";
import { deleteOldRevisions } from "@/server/actions/stacks/delete-old-revisions";
import { setupTestDatabase } from "@/server/db/test-database";
import { addRevision, mintDeployToken, seedOrganization } from "@/server/deploy/test-support";
import { startApiServer } from "@/server/api/test-server";
import { TENANT_LIMITS } from "@/server/tenant-limits";
import { STARTER_HANDLER, STARTER_HANDLER_PATH, STARTER_YAML } from "./starter";
import { revisionBytes } from "./revision-code";

// The revision limits (TENANT_LIMITS.revisionsPerStack, revisionBytesPerOrganization) on every save
// path, and the admin's way to free room: deleting old revisions that nothing refers to.

const database = setupTestDatabase();
let api: Awaited<ReturnType<typeof startApiServer>>;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let admin: { id: string; email: string };
let editor: { id: string; email: string };
let deployToken: string;

const CODE = { [STARTER_HANDLER_PATH]: STARTER_HANDLER };
const count = (stackId: string) => database.prisma.stackRevision.count({ where: { stackId } });
const numbers = async (stackId: string) => (await database.prisma.stackRevision.findMany({ where: { stackId }, orderBy: { number: "asc" }, select: { number: true } })).map((r) => r.number);
const latestNumber = async (stackId: string) => (await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId }, orderBy: { number: "desc" } })).number;
const save = async (stackId: string, code: Record<string, string> = CODE, user = editor) =>
  asUser(user, async () => saveRevision({ orgSlug: people.org.slug, stackId, baseNumber: await latestNumber(stackId), yaml: STARTER_YAML, code }));
const newStack = async (name: string) => {
  const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name } });
  await addRevision(database.prisma, stack.id, STARTER_YAML, CODE);
  return stack.id;
};

/**
 * A revision standing for `bytes` of history (the column the quota sums) without writing them: the
 * insert trigger that computes the column is off for this one insert.
 */
async function history(stackId: string, number: number, bytes: number) {
  await database.prisma.$transaction([
    database.prisma.$executeRaw`SET LOCAL session_replication_role = replica`,
    database.prisma.$executeRaw`INSERT INTO "StackRevision" (id, "stackId", number, yaml, definition, bytes) VALUES (${`filler-${stackId}-${number}`}, ${stackId}, ${number}, 'resources: {}', '{}', ${bytes})`,
  ]);
}

beforeAll(async () => {
  people = await seedOrganization(database.prisma, "quotaco");
  const member = (email: string, role: "admin" | "editor") =>
    database.prisma.user.create({ data: { email, memberships: { create: { organizationId: people.org.id, role } } } });
  admin = await member("admin@quotaco.test", "admin");
  editor = await member("editor@quotaco.test", "editor");
  deployToken = await mintDeployToken(people.owner, people.org.slug);
  api = await startApiServer();
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

describe("a revision's stored bytes", () => {
  it("are the UTF-8 bytes of its YAML and sources, computed by the database on insert as revisionBytes counts them", async () => {
    const stackId = await newStack("sizes");
    const code = { ...CODE, "src/ünïcode.ts": "export const s = 'ü€😀';" };
    expect(await save(stackId, code)).toMatchObject({ ok: true });
    const stored = await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId }, orderBy: { number: "desc" } });
    expect(stored.bytes).toBe(revisionBytes(STARTER_YAML, code));
    expect(stored.bytes).toBe(Buffer.byteLength(STARTER_YAML) + Buffer.byteLength(STARTER_HANDLER) + Buffer.byteLength(code["src/ünïcode.ts"]));
  });
});

describe("revisions per stack", () => {
  it("at the limit, a save and a restore are refused with the limit and what to do, and nothing is stored", async () => {
    const limit = TENANT_LIMITS.revisionsPerStack;
    const stackId = await newStack("many");
    await database.prisma.stackRevision.createMany({
      data: Array.from({ length: limit - 1 }, (_, i) => ({ stackId, number: i + 2, yaml: STARTER_YAML, definition: {}, code: CODE })),
    });
    const refused = await save(stackId);
    expect(refused).toMatchObject({ ok: false, status: 400, fieldErrors: { yaml: `at most ${limit} revisions per stack` } });
    expect(refused.ok ? "" : refused.error).toMatch(/delete old revisions on a stack's Revisions page/);
    const restore = await asUser(editor, () => restoreRevision({ orgSlug: people.org.slug, stackId, number: 1, baseNumber: limit }));
    expect(restore).toMatchObject({ ok: false, status: 400, fieldErrors: { yaml: `at most ${limit} revisions per stack` } });
    expect(await count(stackId)).toBe(limit);

    expect(await asUser(admin, () => deleteOldRevisions({ orgSlug: people.org.slug, stackId, before: 500 }))).toMatchObject({ ok: true });
    expect(await save(stackId)).toMatchObject({ ok: true, data: { number: limit + 1 } });
  });
});

describe("revision bytes per organization", () => {
  it("a deploy token's REST PUT and the editor's save are refused once the organization's revisions would pass the quota; nothing is stored", async () => {
    const limit = TENANT_LIMITS.revisionBytesPerOrganization;
    const stackId = await newStack("big");
    const bulky = { ...CODE, "src/a.ts": "x".repeat(1_000_000), "src/b.ts": "x".repeat(1_000_000) };
    const used = Number((await database.prisma.$queryRaw<{ used: bigint }[]>`SELECT coalesce(sum(bytes), 0)::bigint AS used FROM "StackRevision"`)[0].used);
    await history(stackId, 2, limit - used - 1024 * 1024);

    const before = await count(stackId);
    const res = await fetch(`${api.url}/api/v1/stacks/big/yaml`, {
      method: "PUT",
      headers: { authorization: `Bearer ${deployToken}`, "content-type": "application/json" },
      body: JSON.stringify({ baseRevision: 2, yaml: STARTER_YAML, code: bulky }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^yaml: at most 1 GB of revisions \(YAML and handler code\) per organization \(1,023 MB stored, this adds 1\.9 MB\); delete old revisions/);
    const refused = await save(stackId, bulky);
    expect(refused).toMatchObject({ ok: false, status: 400, fieldErrors: { yaml: expect.stringMatching(/^at most 1 GB of revisions/) } });
    expect(await count(stackId)).toBe(before);

    // Another stack of the same organization shares the quota; a small save still fits.
    const other = await newStack("small");
    expect(await save(other, bulky)).toMatchObject({ ok: false, status: 400 });
    expect(await save(other)).toMatchObject({ ok: true });
  });
});

describe("deleting old revisions", () => {
  let stackId: string;
  let firstDeployId: string;

  // prod deployed 1 and 2, then failed with 3: it runs 2, its latest deployment is 3. dev is deploying 4. 5 and 6 never deployed.
  beforeAll(async () => {
    stackId = await newStack("history");
    for (let i = 0; i < 5; i++) await addRevision(database.prisma, stackId, STARTER_YAML, CODE);
    const revision = async (number: number) => (await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId, number } })).id;
    const prod = await database.prisma.stage.create({ data: { stackId, name: "prod", region: "eu-west-1" } });
    const dev = await database.prisma.stage.create({ data: { stackId, name: "dev", region: "eu-west-1" } });
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 12, minute));
    const deploy = async (stageId: string, number: number, status: "succeeded" | "failed" | "queued", minute: number) =>
      (await database.prisma.deployment.create({ data: { stageId, revisionId: await revision(number), status, createdAt: at(minute) } })).id;
    firstDeployId = await deploy(prod.id, 1, "succeeded", 0);
    await deploy(prod.id, 2, "succeeded", 1);
    await deploy(prod.id, 3, "failed", 2);
    await deploy(dev.id, 4, "queued", 3);
  });

  const remove = (before: number, user: { id: string; email: string } = admin) => asUser(user, () => deleteOldRevisions({ orgSlug: people.org.slug, stackId, before }));

  it("is refused to members who may not delete the stack, deleting nothing", async () => {
    for (const user of [editor, people.deployer, people.viewer]) expect(await remove(4, user)).toMatchObject({ ok: false, status: 403 });
    expect(await numbers(stackId)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("refuses a revision after the latest", async () => {
    expect(await remove(7)).toMatchObject({ ok: false, status: 400, fieldErrors: { before: "revision 7 does not exist; the latest is 6." } });
  });

  it("deletes the older revisions with their finished deployments, keeping what a stage runs, last ran or is deploying, audited", async () => {
    const bytes = revisionBytes(STARTER_YAML, CODE);
    expect(await remove(5)).toEqual({ ok: true, data: { deleted: [1], keptDeployed: [2, 3, 4], deletedDeployments: 1, freedBytes: bytes } });
    expect(await numbers(stackId)).toEqual([2, 3, 4, 5, 6]);
    expect(await database.prisma.deployment.count({ where: { id: firstDeployId } })).toBe(0);
    expect(await database.prisma.deployment.count({ where: { stage: { stackId } } })).toBe(3);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "stack.revision.delete_old", targetId: stackId } });
    expect(audit).toMatchObject({ actorEmail: admin.email, before: { olderThan: 5, deletedRevisions: [1], keptDeployed: [2, 3, 4], deletedDeployments: 1, freedBytes: bytes } });
  });

  it("never deletes the latest revision: choosing it deletes the older ones only", async () => {
    expect(await remove(6, people.owner)).toMatchObject({ ok: true, data: { deleted: [5], keptDeployed: [2, 3, 4], deletedDeployments: 0 } });
    expect(await numbers(stackId)).toEqual([2, 3, 4, 6]);
    expect(await save(stackId)).toMatchObject({ ok: true, data: { number: 7 } });
  });

  it("finds no stack of another organization", async () => {
    const other = await seedOrganization(database.prisma, "otherco");
    expect(await asUser(other.owner, () => deleteOldRevisions({ orgSlug: other.org.slug, stackId, before: 5 }))).toMatchObject({ ok: false, status: 404 });
    expect(await numbers(stackId)).toEqual([2, 3, 4, 6, 7]);
  });
});
