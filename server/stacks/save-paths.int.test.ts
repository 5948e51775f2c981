import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { asUser } from "@/server/actions/test-session";
import { saveRevision } from "@/server/actions/stacks/save-revision";
import { restoreRevision } from "@/server/actions/stacks/restore-revision";
import { setupTestDatabase } from "@/server/db/test-database";
import { addRevision, mintDeployToken, seedOrganization } from "@/server/deploy/test-support";
import { startApiServer } from "@/server/api/test-server";
import { shopYaml, SHOP_CODE } from "@/e2e/moto/shop-stack";
import { codeArchive } from "./code-archive";
import { findRevisionForExport } from "./export";

// Issue 13, "Data written by every save path": handler file paths are checked with the import's
// rules, and handler files bounded, on the REST PUT, the editor's save and a restore (issue 14 for
// the definition's bounds), against real PostgreSQL and the REST routes over real HTTP.

const database = setupTestDatabase();
let api: Awaited<ReturnType<typeof startApiServer>>;
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;
let deployToken: string;

const ATTACKS: [string, RegExp][] = [
  ["../../../etc/passwd", /^code\.\.\.\/\.\.\/\.\.\/etc\/passwd: the path leaves the definition's folder \(\.\.\)/],
  ["/abs.ts", /^code\.\/abs\.ts: the path is an absolute path/],
  ["..\\..\\w.ts", /^code\.\.\.\\\.\.\\w\.ts: the path uses backslashes/],
];

const revisions = () => database.prisma.stackRevision.count({ where: { stackId } });
const latestNumber = async () => (await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId }, orderBy: { number: "desc" } })).number;

function put(body: unknown) {
  return fetch(`${api.url}/api/v1/stacks/shop/yaml`, {
    method: "PUT",
    headers: { authorization: `Bearer ${deployToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

const save = (code: Record<string, string>, yaml = shopYaml(256)) =>
  latestNumber().then((baseNumber) => asUser(people.owner, () => saveRevision({ orgSlug: people.org.slug, stackId, baseNumber, yaml, code })));

beforeAll(async () => {
  people = await seedOrganization(database.prisma, "pathco");
  stackId = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "shop" } })).id;
  await addRevision(database.prisma, stackId, shopYaml(256), SHOP_CODE);
  deployToken = await mintDeployToken(people.owner, people.org.slug);
  api = await startApiServer();
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

describe("every save path checks handler file paths with the import's rules", () => {
  it.each(ATTACKS)("REST PUT refuses %s and stores nothing", async (path, message) => {
    const before = await revisions();
    const res = await put({ baseRevision: await latestNumber(), yaml: shopYaml(256), code: { ...SHOP_CODE, [path]: "pwned" } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(message);
    expect(await revisions()).toBe(before);
  });

  it.each(ATTACKS)("the editor's save refuses %s and stores nothing", async (path, message) => {
    const before = await revisions();
    const r = await save({ ...SHOP_CODE, [path]: "pwned" });
    expect(r).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(message) });
    expect(await revisions()).toBe(before);
  });

  it("a restore refuses a revision stored with such paths before they were checked, and its export leaves them out", async () => {
    const old = await addRevision(database.prisma, stackId, shopYaml(256), { ...SHOP_CODE, "../../../etc/passwd": "pwned", "/abs.ts": "x", "..\\..\\w.ts": "y" });
    await addRevision(database.prisma, stackId, shopYaml(512), SHOP_CODE);
    const before = await revisions();
    const r = await asUser(people.owner, () => restoreRevision({ orgSlug: people.org.slug, stackId, number: old.number, baseNumber: old.number + 1 }));
    expect(r).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/^code\..*: the path /) });
    expect(await revisions()).toBe(before);

    const exported = await findRevisionForExport(database.prisma, people.org.id, stackId, old.number);
    expect(Object.keys(unzipSync(codeArchive(exported!.code))).sort()).toEqual(Object.keys(SHOP_CODE).sort());
  });

  it("stores normalized paths", async () => {
    const res = await put({ baseRevision: await latestNumber(), yaml: shopYaml(256), code: { "./src//worker.ts": SHOP_CODE["src/worker.ts"], "src/cron.ts": SHOP_CODE["src/cron.ts"], "src/lib/describe.ts": SHOP_CODE["src/lib/describe.ts"] } });
    expect(res.status).toBe(201);
    const stored = await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId }, orderBy: { number: "desc" } });
    expect(Object.keys(stored.code as object).sort()).toEqual(["src/cron.ts", "src/lib/describe.ts", "src/worker.ts"]);
  });

  it("refuses two paths that normalize to the same file", async () => {
    const r = await save({ ...SHOP_CODE, "./src/worker.ts": "other" });
    expect(r).toMatchObject({ ok: false, status: 400, error: "code../src/worker.ts: the path is src/worker.ts, which another file already has" });
  });

  it("refuses an entryfilePath outside the definition's folder, naming its line", async () => {
    const res = await put({ baseRevision: await latestNumber(), yaml: shopYaml(256).replace("src/worker.ts", "../../outside.ts"), code: SHOP_CODE });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^yaml: \d+:\d+: resources\.worker\.properties\.packaging\.properties\.entryfilePath: entryfilePath '\.\.\/\.\.\/outside\.ts' of worker is outside the definition's folder/);
  });
});

describe("every save path bounds the number and size of handler files", () => {
  const many = (n: number, bytes = 1) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`src/f${i}.ts`, "x".repeat(bytes)]));

  it("REST PUT and the editor's save refuse 501 files", async () => {
    const res = await put({ baseRevision: await latestNumber(), yaml: shopYaml(256), code: { ...SHOP_CODE, ...many(501) } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/at most 500 handler files/);
    expect(await save({ ...SHOP_CODE, ...many(501) })).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/at most 500 handler files/) });
  });

  it("the editor's save refuses more than 10 MB of files together", async () => {
    expect(await save({ ...SHOP_CODE, ...many(11, 1_000_000) })).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/limited to 10 MB together/) });
  });

  it("a restore refuses a revision stored with too many or too large files", async () => {
    const old = await addRevision(database.prisma, stackId, shopYaml(256), { ...SHOP_CODE, ...many(501) });
    await addRevision(database.prisma, stackId, shopYaml(512), SHOP_CODE);
    const r = await asUser(people.owner, () => restoreRevision({ orgSlug: people.org.slug, stackId, number: old.number, baseNumber: old.number + 1 }));
    expect(r).toMatchObject({ ok: false, status: 400, error: "code: 504 handler files; at most 500 can be stored with a revision" });
    const big = await addRevision(database.prisma, stackId, shopYaml(256), { ...SHOP_CODE, ...many(11, 1_000_000) });
    await addRevision(database.prisma, stackId, shopYaml(512), SHOP_CODE);
    const r2 = await asUser(people.owner, () => restoreRevision({ orgSlug: people.org.slug, stackId, number: big.number, baseNumber: big.number + 1 }));
    expect(r2).toMatchObject({ ok: false, status: 400, error: "code: the handler files are more than 10.0 MB together" });
  });
});

describe("the definition's bounds on the REST PUT", () => {
  it("refuses the 60,000-key file with the limit and where it was crossed", async () => {
    const yaml = `resources:\n${Array.from({ length: 60_000 }, (_, i) => `  r${i + 1}: 1\n`).join("")}`;
    const res = await put({ baseRevision: await latestNumber(), yaml, code: {} });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(
      "yaml: 1002:3: error: (root): more than 1,000 resources (resources and cloudformationResources together); the limit is 1,000 (crossed at line 1002, column 3)",
    );
  });
});
