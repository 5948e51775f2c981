import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { db } from "@/server/db/client";
import { listRevisions } from "@/server/stacks/revision-history";
import { loadRevisionDiff } from "@/server/stacks/compare-revisions";
import { STARTER_YAML } from "@/server/stacks/starter";
import { createStack } from "./create-stack";
import { restoreRevision } from "./restore-revision";
import { saveRevision } from "./save-revision";

const database = setupTestDatabase();
let org: { id: string; slug: string };
let editor: { id: string; email: string };
let viewer: { id: string; email: string };
let stack: { id: string; name: string };

beforeAll(async () => {
  const p = database.prisma;
  org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
  editor = await p.user.create({ data: { email: "editor@acme.test", memberships: { create: { organizationId: org.id, role: "editor" } } } });
  viewer = await p.user.create({ data: { email: "viewer@acme.test", memberships: { create: { organizationId: org.id, role: "viewer" } } } });
  const created = await asUser(editor, () => createStack({ orgSlug: org.slug, name: "orders" }));
  if (!created.ok) throw new Error(created.error);
  stack = created.data;
  const saved = await asUser(editor, () =>
    saveRevision({ orgSlug: org.slug, stackId: stack.id, baseNumber: 1, yaml: STARTER_YAML.replace("memory: 256", "memory: 1024"), code: { "src/hello.ts": "export default 2;" }, message: "bigger" }),
  );
  if (!saved.ok) throw new Error(saved.error);
});

const restore = (number: number, baseNumber: number, user = editor) =>
  asUser(user, () => restoreRevision({ orgSlug: org.slug, stackId: stack.id, number, baseNumber }));

describe("restoreRevision", () => {
  it("brings revision 1 back as revision 3, with its code, and audits it", async () => {
    expect(await restore(1, 2)).toEqual({ ok: true, data: { number: 3, restoredFrom: 1 } });
    const [first, third] = await Promise.all([1, 3].map((number) => database.prisma.stackRevision.findFirstOrThrow({ where: { stackId: stack.id, number } })));
    expect(third).toMatchObject({ yaml: first.yaml, code: first.code, definition: first.definition, message: "Restored revision 1", authorId: editor.id });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "stack.revision.restore", targetId: stack.id } });
    expect(audit.after).toEqual({ revision: 3, restoredFrom: 1, message: "Restored revision 1" });
  });

  it("answers a stale base with 409 and the newer revision, and adds nothing", async () => {
    const r = await restore(2, 2);
    expect(r).toMatchObject({ ok: false, status: 409, details: { latest: { number: 3, message: "Restored revision 1" } } });
    expect(await database.prisma.stackRevision.count({ where: { stackId: stack.id } })).toBe(3);
  });

  it("refuses the latest revision, a missing one and a viewer", async () => {
    expect(await restore(3, 3)).toMatchObject({ ok: false, status: 400, fieldErrors: { number: "Already the latest revision." } });
    expect(await restore(9, 3)).toMatchObject({ ok: false, status: 404, error: "number: revision 9 does not exist." });
    expect(await restore(2, 3, viewer)).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses a stack of another organization as not found", async () => {
    const other = await database.prisma.organization.create({ data: { slug: "globex", name: "Globex" } });
    const foreign = await database.prisma.stack.create({ data: { organizationId: other.id, name: "payroll" } });
    const r = await asUser(editor, () => restoreRevision({ orgSlug: org.slug, stackId: foreign.id, number: 1, baseNumber: 2 }));
    expect(r).toMatchObject({ ok: false, status: 404 });
  });
});

describe("history and diff of stored revisions", () => {
  it("lists revisions newest first with message and author", async () => {
    const history = await listRevisions(db(), org.id, stack.id);
    expect(history.map((r) => [r.number, r.message, r.authorEmail])).toEqual([
      [3, "Restored revision 1", editor.email],
      [2, "bigger", editor.email],
      [1, "Created", editor.email],
    ]);
  });

  it("compares any two stored revisions, and finds nothing for another organization", async () => {
    const d = await loadRevisionDiff(db(), org.id, stack, { from: 2, to: 3 }, "eu-west-1");
    expect(d).toMatchObject({ from: 2, to: 3, region: "eu-west-1", yaml: { ok: true, added: 1, removed: 1 }, code: [{ path: "src/hello.ts", change: "changed" }] });
    expect(d!.cost.ok && d!.cost.diff.delta).toBeLessThan(0);
    expect(await loadRevisionDiff(db(), "another-org", stack, { from: 2, to: 3 }, "eu-west-1")).toBeNull();
  });
});
