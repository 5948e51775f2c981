import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { STARTER_HANDLER, STARTER_HANDLER_PATH, STARTER_YAML } from "@/server/stacks/starter";
import { createStack } from "./create-stack";
import { previewStack } from "./preview-stack";

const database = setupTestDatabase();
let org: { id: string; slug: string };
let viewer: { id: string; email: string };
let stranger: { id: string; email: string };
let stackId: string;

beforeAll(async () => {
  const p = database.prisma;
  org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
  const editor = await p.user.create({ data: { email: "editor@acme.test", memberships: { create: { organizationId: org.id, role: "editor" } } } });
  viewer = await p.user.create({ data: { email: "viewer@acme.test", memberships: { create: { organizationId: org.id, role: "viewer" } } } });
  const globex = await p.organization.create({ data: { slug: "globex", name: "Globex" } });
  stranger = await p.user.create({ data: { email: "boss@globex.test", memberships: { create: { organizationId: globex.id, role: "owner" } } } });
  const created = await asUser(editor, () => createStack({ orgSlug: org.slug, name: "orders" }));
  if (!created.ok) throw new Error(created.error);
  stackId = created.data.id;
});

const preview = (yaml: string, code: Record<string, string> = { [STARTER_HANDLER_PATH]: STARTER_HANDLER }, user = viewer) =>
  asUser(user, () => previewStack({ orgSlug: "acme", stackId, yaml, code }));

describe("previewStack", () => {
  it("renders the unsaved definition for any member, keyed by the handler's content hash, and audits nothing", async () => {
    const audits = await database.prisma.auditEvent.count();
    const a = await preview(STARTER_YAML);
    if (!a.ok) throw new Error(a.error);
    expect(a.data.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(a.data.template?.Resources.HelloFunction).toMatchObject({ Type: "AWS::Lambda::Function", Properties: { MemorySize: 256 } });
    expect(a.data.resourceCount).toBe(Object.keys(a.data.template!.Resources).length);
    expect(a.data.resourceLimit).toBe(500);
    const b = await preview(STARTER_YAML, { [STARTER_HANDLER_PATH]: "export default async () => 1;" });
    const key = (r: Awaited<ReturnType<typeof preview>>) => (r.ok ? JSON.stringify(r.data.template?.Resources.HelloFunction) : "");
    expect(key(b)).not.toBe(key(a));
    expect(await database.prisma.auditEvent.count()).toBe(audits);
  });

  it("locates definition problems at their YAML line and warns about missing handler code", async () => {
    const r = await preview(STARTER_YAML.replace("memory: 256", "memory: 20000"), {});
    if (!r.ok) throw new Error(r.error);
    expect(r.data.template).toBeNull();
    expect(r.data.diagnostics[0]).toMatchObject({ severity: "error", path: ["resources", "hello", "properties", "memory"], line: 11 });
    const missing = await preview(STARTER_YAML, {});
    if (!missing.ok) throw new Error(missing.error);
    expect(missing.data.diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", code: "code", message: expect.stringContaining(`'${STARTER_HANDLER_PATH}'`), line: 10 }),
    ]);
  });

  it("reports a dangling reference once, in validation's words, not again from the renderer", async () => {
    const yaml = STARTER_YAML.replace("memory: 256", "memory: 256\n      environment:\n        - name: QUEUE\n          value: $ResourceParam('nosuch', 'arn')");
    const r = await preview(yaml);
    if (!r.ok) throw new Error(r.error);
    expect(r.data.diagnostics.filter((d) => d.severity === "error")).toEqual([
      expect.objectContaining({ path: ["resources", "hello", "properties", "environment", 0, "value"], message: "$ResourceParam: no resource named 'nosuch'" }),
    ]);
  });

  it("is not found for another organization's member or stack", async () => {
    expect(await preview(STARTER_YAML, {}, stranger)).toMatchObject({ ok: false, status: 404 });
    const r = await asUser(viewer, () => previewStack({ orgSlug: "acme", stackId: "nope", yaml: STARTER_YAML, code: {} }));
    expect(r).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses a handler file over 1 MB (in UTF-8 bytes) at the code field, as a save would", async () => {
    const r = await preview(STARTER_YAML, { [STARTER_HANDLER_PATH]: "€".repeat(400_000) });
    expect(r).toMatchObject({ ok: false, status: 400 });
    expect(JSON.stringify(r.ok ? undefined : r.fieldErrors)).toContain("a handler file is limited to 1 MB");
  });
});
