import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { STARTER_YAML } from "@/server/stacks/starter";
import { createStack } from "./create-stack";
import { saveRevision } from "./save-revision";

const database = setupTestDatabase();
let org: { id: string; slug: string };
let editor: { id: string; email: string };
let viewer: { id: string; email: string };
let stackId: string;

beforeAll(async () => {
  const p = database.prisma;
  org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
  editor = await p.user.create({ data: { email: "editor@acme.test", memberships: { create: { organizationId: org.id, role: "editor" } } } });
  viewer = await p.user.create({ data: { email: "viewer@acme.test", memberships: { create: { organizationId: org.id, role: "viewer" } } } });
  const created = await asUser(editor, () => createStack({ orgSlug: org.slug, name: "orders" }));
  if (!created.ok) throw new Error(created.error);
  stackId = created.data.id;
});

const withMemory = (memory: number) => STARTER_YAML.replace("memory: 256", `memory: ${memory}`);
const save = (baseNumber: number, yaml: string, message?: string) =>
  asUser(editor, () => saveRevision({ orgSlug: org.slug, stackId, baseNumber, yaml, code: { "src/hello.ts": "export default 1;" }, message }));

describe("saveRevision", () => {
  it("appends the next revision with its code, message and author, and audits it", async () => {
    const r = await save(1, withMemory(512), "more memory");
    expect(r).toMatchObject({ ok: true, data: { number: 2 } });
    const rev = await database.prisma.stackRevision.findFirstOrThrow({ where: { stackId, number: 2 } });
    expect(rev).toMatchObject({ message: "more memory", authorId: editor.id, code: { "src/hello.ts": "export default 1;" } });
    expect((rev.definition as { resources: { hello: { properties: { memory: number } } } }).resources.hello.properties.memory).toBe(512);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "stack.revision.save", targetId: stackId } });
    expect(audit.after).toEqual({ revision: 2, message: "more memory" });
  });

  it("refuses a stale base with 409 and the newer revision, and overwrites nothing", async () => {
    const r = await save(1, withMemory(1024));
    expect(r).toMatchObject({ ok: false, status: 409, details: { latest: { number: 2, authorEmail: editor.email, message: "more memory" } } });
    if (r.ok) return;
    expect((r.details as { latest: { yaml: string } }).latest.yaml).toContain("memory: 512");
    expect(await database.prisma.stackRevision.count({ where: { stackId } })).toBe(2);
  });

  it("lets exactly one of two concurrent saves from the same base land", async () => {
    const results = await Promise.all([save(2, withMemory(640)), save(2, withMemory(768))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.status === 409)).toHaveLength(1);
    expect(await database.prisma.stackRevision.count({ where: { stackId } })).toBe(3);
  });

  it("refuses an invalid definition with the line and the field, and saves nothing", async () => {
    const r = await save(3, withMemory(20000));
    expect(r).toMatchObject({ ok: false, status: 400 });
    if (r.ok) return;
    expect(r.fieldErrors?.yaml).toMatch(/^\d+:\d+: error: resources\.hello\.properties\.memory: /);
    expect(await database.prisma.stackRevision.count({ where: { stackId } })).toBe(3);
  });

  it("refuses a viewer", async () => {
    const r = await asUser(viewer, () => saveRevision({ orgSlug: org.slug, stackId, baseNumber: 3, yaml: STARTER_YAML, code: {} }));
    expect(r).toMatchObject({ ok: false, status: 403 });
  });
});
