import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "./test-database";

const database = setupTestDatabase();

async function stackWithRevision(slug: string) {
  const organization = await database.prisma.organization.create({ data: { name: slug, slug } });
  const stack = await database.prisma.stack.create({ data: { organizationId: organization.id, name: "api" } });
  const revision = await database.prisma.stackRevision.create({
    data: { stackId: stack.id, number: 1, yaml: "resources: {}\n", definition: { resources: {} } },
  });
  return { organization, stack, revision };
}

async function deploymentOf(stackId: string, revisionId: string) {
  const stage = await database.prisma.stage.create({ data: { stackId, name: "prod", region: "eu-west-1" } });
  return database.prisma.deployment.create({ data: { stageId: stage.id, revisionId } });
}

describe("StackRevision", () => {
  it("accepts new revisions and refuses to change one", async () => {
    const { stack, revision } = await stackWithRevision("rev-update");
    await database.prisma.stackRevision.create({
      data: { stackId: stack.id, number: 2, yaml: "resources: {}\n", definition: { resources: {} } },
    });

    await expect(database.prisma.stackRevision.update({ where: { id: revision.id }, data: { yaml: "changed" } })).rejects.toThrow(
      /StackRevision rows are immutable/,
    );
    const stored = await database.prisma.stackRevision.findUniqueOrThrow({ where: { id: revision.id } });
    expect(stored.yaml).toBe("resources: {}\n");
    expect(await database.prisma.stackRevision.count({ where: { stackId: stack.id } })).toBe(2);
  });

  it("refuses a bulk update too", async () => {
    const { stack } = await stackWithRevision("rev-bulk");
    await expect(database.prisma.stackRevision.updateMany({ where: { stackId: stack.id }, data: { message: "x" } })).rejects.toThrow(
      /immutable/,
    );
  });

  it("goes with its stack, deployments included, when the stack is deleted (cascade)", async () => {
    const { stack, revision } = await stackWithRevision("rev-cascade");
    const deployment = await deploymentOf(stack.id, revision.id);
    await database.prisma.deploymentEvent.create({ data: { deploymentId: deployment.id, kind: "status", status: "queued" } });

    await database.prisma.stack.delete({ where: { id: stack.id } });
    expect(await database.prisma.stackRevision.count({ where: { stackId: stack.id } })).toBe(0);
    expect(await database.prisma.deployment.count({ where: { id: deployment.id } })).toBe(0);
    expect(await database.prisma.deploymentEvent.count({ where: { deploymentId: deployment.id } })).toBe(0);
  });
});

describe("DeploymentEvent", () => {
  let deploymentId: string;
  beforeAll(async () => {
    const { stack, revision } = await stackWithRevision("events");
    deploymentId = (await deploymentOf(stack.id, revision.id)).id;
  });

  it("appends events and refuses to rewrite one", async () => {
    const event = await database.prisma.deploymentEvent.create({ data: { deploymentId, kind: "status", status: "packaging" } });
    await database.prisma.deploymentEvent.create({ data: { deploymentId, kind: "status", status: "uploading" } });

    await expect(database.prisma.deploymentEvent.update({ where: { id: event.id }, data: { status: "succeeded" } })).rejects.toThrow(
      /DeploymentEvent rows are immutable/,
    );
    const statuses = (await database.prisma.deploymentEvent.findMany({ where: { deploymentId }, orderBy: { id: "asc" } })).map((e) => e.status);
    expect(statuses).toEqual(["packaging", "uploading"]);
  });

  it("leaves the deployment itself mutable (its status moves on)", async () => {
    const updated = await database.prisma.deployment.update({ where: { id: deploymentId }, data: { status: "succeeded" } });
    expect(updated.status).toBe("succeeded");
  });
});

describe("AuditEvent", () => {
  it("records entries and refuses to edit one", async () => {
    const organization = await database.prisma.organization.create({ data: { name: "Audit", slug: "audit" } });
    const entry = await database.prisma.auditEvent.create({
      data: { organizationId: organization.id, actorEmail: "a@example.com", action: "stack.create", targetType: "stack" },
    });

    await expect(database.prisma.auditEvent.update({ where: { id: entry.id }, data: { actorEmail: "someone-else@example.com" } })).rejects.toThrow(
      /AuditEvent rows are immutable/,
    );
    expect((await database.prisma.auditEvent.findUniqueOrThrow({ where: { id: entry.id } })).actorEmail).toBe("a@example.com");
  });

  it("goes with its organization when the organization is deleted (cascade)", async () => {
    const organization = await database.prisma.organization.create({ data: { name: "Gone", slug: "gone" } });
    await database.prisma.auditEvent.create({
      data: { organizationId: organization.id, actorEmail: "a@example.com", action: "org.create", targetType: "organization" },
    });
    await database.prisma.organization.delete({ where: { id: organization.id } });
    expect(await database.prisma.auditEvent.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});
