import { beforeAll, describe, expect, it } from "vitest";
import { asUser } from "@/server/actions/test-session";
import { setupTestDatabase } from "@/server/db/test-database";
import { seedOrganization, TEST_ENCRYPTION_KEY } from "@/server/deploy/test-support";
import { createStage } from "./create-stage";
import { deleteStage } from "./delete-stage";
import { updateStage } from "./update-stage";

const database = setupTestDatabase();
let people: Awaited<ReturnType<typeof seedOrganization>>;
let stackId: string;
let connectionId: string;
const slug = () => people.org.slug;

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  people = await seedOrganization(database.prisma, "stageco");
  stackId = (await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "orders" } })).id;
  connectionId = (
    await database.prisma.awsConnection.create({ data: { organizationId: people.org.id, name: "main", defaultRegion: "eu-north-1", credentialType: "default_chain" } })
  ).id;
});

describe("createStage", () => {
  it("binds the stage to the connection, in its default region unless one is given, and names the CloudFormation stack", async () => {
    const r = await asUser(people.owner, () => createStage({ orgSlug: slug(), stackId, name: "dev", awsConnectionId: connectionId }));
    expect(r).toEqual({
      ok: true,
      data: { id: expect.any(String), name: "dev", region: "eu-north-1", protected: false, awsConnectionId: connectionId, cloudFormationStackName: "orders-dev", deployed: false },
    });
    const prod = await asUser(people.owner, () => createStage({ orgSlug: slug(), stackId, name: "prod", awsConnectionId: connectionId, region: "us-west-2", protected: true }));
    expect(prod).toMatchObject({ ok: true, data: { region: "us-west-2", protected: true } });
  });

  it.each([
    [{ name: "Dev" }, "name", "Name must start with a lower-case letter and use only lower-case letters, digits and hyphens."],
    [{ name: "dev" }, "name", 'This stack already has a stage named "dev".'],
    [{ name: "qa", awsConnectionId: "elsewhere" }, "awsConnectionId", "Choose an AWS connection of this organization."],
    [{ name: "qa", region: "mars-1" }, "region", "Region must be an AWS region code such as eu-west-1."],
  ])("refuses %j", async (patch, field, message) => {
    const r = await asUser(people.owner, () => createStage({ ...{ orgSlug: slug(), stackId, name: "qa", awsConnectionId: connectionId }, ...patch }));
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { [field]: message } });
  });

  it("is for admins and owners", async () => {
    expect(await asUser(people.deployer, () => createStage({ orgSlug: slug(), stackId, name: "qa", awsConnectionId: connectionId }))).toMatchObject({ ok: false, status: 403 });
  });
});

describe("updateStage and deleteStage", () => {
  const stage = (name: string) => database.prisma.stage.findFirstOrThrow({ where: { stackId, name } });

  it("renames and moves a stage that was never deployed", async () => {
    const dev = await stage("dev");
    const r = await asUser(people.owner, () => updateStage({ orgSlug: slug(), stageId: dev.id, name: "development", awsConnectionId: connectionId, region: "eu-west-3", protected: false }));
    expect(r).toMatchObject({ ok: true, data: { name: "development", region: "eu-west-3", cloudFormationStackName: "orders-development" } });
  });

  it("keeps a deployed stage where its stack is, but lets it become protected", async () => {
    const prod = await stage("prod");
    await database.prisma.stage.update({ where: { id: prod.id }, data: { deployedStackName: "orders" } });
    expect(
      await asUser(people.owner, () => updateStage({ orgSlug: slug(), stageId: prod.id, name: "prod", awsConnectionId: connectionId, region: "eu-west-1", protected: true })),
    ).toMatchObject({ ok: false, status: 400, fieldErrors: { region: expect.stringContaining("The stage's stack orders-prod is deployed") } });
    expect(
      await asUser(people.owner, () => updateStage({ orgSlug: slug(), stageId: prod.id, name: "prod", awsConnectionId: connectionId, protected: false })),
    ).toMatchObject({ ok: true, data: { protected: false, deployed: true } });
  });

  it("deletes a stage only with its name typed and no stack left", async () => {
    const prod = await stage("prod");
    expect(await asUser(people.owner, () => deleteStage({ orgSlug: slug(), stageId: prod.id, confirmation: "pro" }))).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { confirmation: 'Type "prod" exactly.' },
    });
    expect(await asUser(people.owner, () => deleteStage({ orgSlug: slug(), stageId: prod.id, confirmation: "prod" }))).toMatchObject({
      ok: false,
      status: 409,
      error: "The stage's stack orders-prod is still deployed: delete the stack first, then the stage.",
    });
    await database.prisma.stage.update({ where: { id: prod.id }, data: { deployedStackName: null } });
    expect(await asUser(people.owner, () => deleteStage({ orgSlug: slug(), stageId: prod.id, confirmation: "prod" }))).toEqual({ ok: true, data: null });
    expect(await database.prisma.auditEvent.count({ where: { action: "stage.delete", targetId: prod.id } })).toBe(1);
  });

  it("refuses changes while a deployment is in flight", async () => {
    const dev = await stage("development");
    const revision = await database.prisma.stackRevision.create({ data: { stackId, number: 1, yaml: "resources: {}\n", definition: {} } });
    const d = await database.prisma.deployment.create({ data: { stageId: dev.id, revisionId: revision.id, status: "packaging", activeStageId: dev.id } });
    expect(await asUser(people.owner, () => deleteStage({ orgSlug: slug(), stageId: dev.id, confirmation: "development" }))).toMatchObject({
      ok: false,
      status: 409,
      error: `Deployment ${d.id} of this stage is packaging; wait for it to finish.`,
    });
  });
});
