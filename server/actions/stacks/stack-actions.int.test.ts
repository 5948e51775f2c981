import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/server/db/test-database";
import { asUser } from "@/server/actions/test-session";
import { createStack } from "./create-stack";
import { renameStack } from "./rename-stack";
import { deleteStack } from "./delete-stack";

const database = setupTestDatabase();
let org: { id: string; slug: string };
let owner: { id: string; email: string };
let editor: { id: string; email: string };

beforeAll(async () => {
  const p = database.prisma;
  org = await p.organization.create({ data: { slug: "acme", name: "Acme" } });
  owner = await p.user.create({ data: { email: "owner@acme.test", memberships: { create: { organizationId: org.id, role: "owner" } } } });
  editor = await p.user.create({ data: { email: "editor@acme.test", memberships: { create: { organizationId: org.id, role: "editor" } } } });
});

const stackCount = () => database.prisma.stack.count({ where: { organizationId: org.id } });
const auditCount = () => database.prisma.auditEvent.count({ where: { organizationId: org.id } });

describe("createStack", () => {
  it("creates the stack with revision 1 and audits it in the same transaction", async () => {
    const r = await asUser(editor, () => createStack({ orgSlug: org.slug, name: "orders" }));
    expect(r.ok).toBe(true);
    const stack = await database.prisma.stack.findFirstOrThrow({ where: { organizationId: org.id, name: "orders" }, include: { revisions: true } });
    expect(stack.revisions.map((x) => x.number)).toEqual([1]);
    expect(stack.revisions[0].yaml).toContain("resources:");
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "stack.create" } });
    expect(audit).toMatchObject({ actorEmail: editor.email, targetType: "stack", targetId: stack.id, after: { name: "orders", start: "starter" } });
  });

  it("creates an empty stack when asked: revision 1 has no resources and no code", async () => {
    const r = await asUser(editor, () => createStack({ orgSlug: org.slug, name: "blank", start: "empty" }));
    expect(r.ok).toBe(true);
    const revision = await database.prisma.stackRevision.findFirstOrThrow({ where: { stack: { organizationId: org.id, name: "blank" } } });
    expect(revision).toMatchObject({ number: 1, yaml: "resources: {}\n", definition: { resources: {} }, code: {} });
    const bad = await asUser(editor, () => createStack({ orgSlug: org.slug, name: "blank2", start: "copy" }));
    expect(bad).toMatchObject({ ok: false, status: 400, fieldErrors: { start: "Choose starter or empty." } });
  });

  it.each([
    ["", "Name is required."],
    ["x".repeat(65), "Name must be at most 64 characters."],
    ["orders", 'A stack named "orders" already exists in this organization.'],
    // Differing only in case: the lower-cased physical names (buckets) would collide.
    ["Orders", 'A stack named "orders" already exists in this organization.'],
  ])("refuses %j with a field error and writes nothing", async (name, message) => {
    const [stacks, audits] = [await stackCount(), await auditCount()];
    const r = await asUser(owner, () => createStack({ orgSlug: org.slug, name }));
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { name: message } });
    expect(await stackCount()).toBe(stacks);
    expect(await auditCount()).toBe(audits);
  });
});

describe("renameStack and deleteStack", () => {
  it("renames with a before/after audit summary", async () => {
    const stack = await database.prisma.stack.findFirstOrThrow({ where: { organizationId: org.id, name: "orders" } });
    const r = await asUser(editor, () => renameStack({ orgSlug: org.slug, stackId: stack.id, name: "sales" }));
    expect(r).toEqual({ ok: true, data: { name: "sales" } });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "stack.rename", targetId: stack.id } });
    expect(audit.before).toEqual({ name: "orders" });
    expect(audit.after).toEqual({ name: "sales" });
  });

  it("renames a stack to another case of its own name, and refuses another stack's name in any case", async () => {
    const stack = await database.prisma.stack.findFirstOrThrow({ where: { organizationId: org.id, name: "sales" } });
    expect(await asUser(editor, () => renameStack({ orgSlug: org.slug, stackId: stack.id, name: "Sales" }))).toEqual({ ok: true, data: { name: "Sales" } });
    expect(await asUser(editor, () => renameStack({ orgSlug: org.slug, stackId: stack.id, name: "sales" }))).toEqual({ ok: true, data: { name: "sales" } });
    expect(await asUser(editor, () => renameStack({ orgSlug: org.slug, stackId: stack.id, name: "BLANK" }))).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { name: 'A stack named "blank" already exists in this organization.' },
    });
  });

  it("refuses an editor's delete (403) and a wrong confirmation (400), then deletes for the owner", async () => {
    const stack = await database.prisma.stack.findFirstOrThrow({ where: { organizationId: org.id, name: "sales" } });
    expect(await asUser(editor, () => deleteStack({ orgSlug: org.slug, stackId: stack.id, confirmation: "sales" }))).toMatchObject({ ok: false, status: 403 });
    expect(await asUser(owner, () => deleteStack({ orgSlug: org.slug, stackId: stack.id, confirmation: "sale" }))).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { confirmation: 'Type "sales" exactly.' },
    });
    expect(await database.prisma.stack.count({ where: { id: stack.id } })).toBe(1);
    expect(await asUser(owner, () => deleteStack({ orgSlug: org.slug, stackId: stack.id, confirmation: "sales" }))).toEqual({ ok: true, data: null });
    expect(await database.prisma.stack.count({ where: { id: stack.id } })).toBe(0);
    expect(await database.prisma.auditEvent.count({ where: { action: "stack.delete", targetId: stack.id } })).toBe(1);
  });
});

describe("deleteStack with stages in AWS", () => {
  it("refuses while a stage's stack is deployed or its deployment is in flight, naming them, then deletes once they are gone", async () => {
    const p = database.prisma;
    const stack = await p.stack.create({ data: { organizationId: org.id, name: "shop" } });
    const revision = await p.stackRevision.create({ data: { stackId: stack.id, number: 1, yaml: "resources: {}\n", definition: { resources: {} }, authorId: owner.id } });
    const connection = await p.awsConnection.create({ data: { organizationId: org.id, name: "main", defaultRegion: "eu-west-1", credentialType: "default_chain" } });
    const stage = (name: string, deployedStackName: string | null) =>
      p.stage.create({ data: { stackId: stack.id, name, region: "eu-west-1", awsConnectionId: connection.id, deployedStackName } });
    // prod was first deployed while the stack was called "store": its CloudFormation stack keeps that name.
    const prod = await stage("prod", "store");
    const dev = await stage("dev", null);
    await stage("test", null);
    const running = await p.deployment.create({ data: { stageId: dev.id, revisionId: revision.id, status: "executing", activeStageId: dev.id, cfnStackName: "shop-dev" } });
    const audits = await auditCount();

    const refused = await asUser(owner, () => deleteStack({ orgSlug: org.slug, stackId: stack.id, confirmation: "shop" }));
    expect(refused).toMatchObject({
      ok: false,
      status: 409,
      error:
        `Stack "shop" cannot be deleted while its stages have resources in AWS or a deployment in flight: dev (deployment ${running.id} is executing), ` +
        "prod (its stack store-prod is still deployed). Wait for the deployments to finish and delete each stage's stack on the Deployments tab, then delete the stack.",
    });
    expect(await p.stack.count({ where: { id: stack.id } })).toBe(1);
    expect(await p.stage.count({ where: { stackId: stack.id } })).toBe(3);
    expect(await auditCount()).toBe(audits);

    // The deployment ends; prod's stack is still there.
    await p.deployment.update({ where: { id: running.id }, data: { status: "succeeded", activeStageId: null, finishedAt: new Date() } });
    const still = await asUser(owner, () => deleteStack({ orgSlug: org.slug, stackId: stack.id, confirmation: "shop" }));
    expect(still).toMatchObject({ ok: false, status: 409 });
    expect(!still.ok && still.error).toContain("prod (its stack store-prod is still deployed).");
    expect(!still.ok && still.error).not.toContain("dev");

    // prod's CloudFormation stack deleted (what a successful destroy records): the stack goes, stages and history with it.
    await p.stage.update({ where: { id: prod.id }, data: { deployedStackName: null } });
    expect(await asUser(owner, () => deleteStack({ orgSlug: org.slug, stackId: stack.id, confirmation: "shop" }))).toEqual({ ok: true, data: null });
    expect(await p.stack.count({ where: { id: stack.id } })).toBe(0);
    expect(await p.stage.count({ where: { stackId: stack.id } })).toBe(0);
    expect(await p.auditEvent.findFirstOrThrow({ where: { action: "stack.delete", targetId: stack.id } })).toMatchObject({ before: { name: "shop", hadDeployments: true } });
  });
});
