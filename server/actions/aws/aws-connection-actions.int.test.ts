import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { asUser, sessionCookie, TEST_NEXTAUTH_SECRET } from "@/server/actions/test-session";
import { setupTestDatabase } from "@/server/db/test-database";
import { viewOf } from "@/server/aws/connections";
import { seedOrganization, TEST_ENCRYPTION_KEY } from "@/server/deploy/test-support";
import { GET as downloadRoleTemplate } from "@/app/api/orgs/[org]/aws-connections/[connectionId]/role-template/route";
import { createAwsConnection } from "./create-aws-connection";
import { deleteAwsConnection } from "./delete-aws-connection";
import { testAwsConnection } from "./test-aws-connection";
import { updateAwsConnection } from "./update-aws-connection";

// AWS connections against a real moto server (STS GetCallerIdentity and AssumeRole).

const database = setupTestDatabase();
let moto: MotoServer;
let people: Awaited<ReturnType<typeof seedOrganization>>;
const slug = () => people.org.slug;

beforeAll(async () => {
  process.env.LAMBDAPLANE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  moto = await startMoto();
  people = await seedOrganization(database.prisma, "conn");
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

describe("creating connections", () => {
  it("requires a role ARN to assume a role", async () => {
    const r = await asUser(people.owner, () => createAwsConnection({ orgSlug: slug(), name: "prod", defaultRegion: "eu-west-1", credentialType: "assume_role" }));
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { roleArn: "A role ARN is required to assume a role." } });
  });

  it("refuses a region that is not one and a deployer", async () => {
    expect(await asUser(people.owner, () => createAwsConnection({ orgSlug: slug(), name: "x", defaultRegion: "europe", credentialType: "default_chain" }))).toMatchObject({
      ok: false,
      fieldErrors: { defaultRegion: "Region must be an AWS region code such as eu-west-1." },
    });
    expect(await asUser(people.deployer, () => createAwsConnection({ orgSlug: slug(), name: "x", defaultRegion: "eu-west-1", credentialType: "default_chain" }))).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it("generates the external id, stores it encrypted and keeps it out of the audit log", async () => {
    const r = await asUser(people.owner, () =>
      createAwsConnection({ orgSlug: slug(), name: "prod", defaultRegion: "eu-west-1", credentialType: "assume_role", roleArn: "arn:aws:iam::123456789012:role/lambdaplane-deploy", endpoint: moto.endpoint }),
    );
    if (!r.ok) expect.fail(r.error);
    expect(r.data.externalId).toMatch(/^lambdaplane-[0-9a-f]{40}$/);
    const row = await database.prisma.awsConnection.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(row.externalIdEncrypted).toMatch(/^v1:/);
    expect(row.externalIdEncrypted).not.toContain(r.data.externalId!);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "aws_connection.create", targetId: r.data.id } });
    expect(JSON.stringify(audit.after)).not.toContain(r.data.externalId!);
    expect(audit.after).toMatchObject({ name: "prod", credentialType: "assume_role", roleArn: "arn:aws:iam::123456789012:role/lambdaplane-deploy" });
  });

  it("refuses a second connection with the same name", async () => {
    const r = await asUser(people.owner, () => createAwsConnection({ orgSlug: slug(), name: "prod", defaultRegion: "eu-west-1", credentialType: "default_chain" }));
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { name: 'A connection named "prod" already exists in this organization.' } });
  });
});

describe("testing connections", () => {
  it("assumes the role with the external id and reports who it is (moto)", async () => {
    const prod = await database.prisma.awsConnection.findFirstOrThrow({ where: { organizationId: people.org.id, name: "prod" } });
    const r = await asUser(people.owner, () => testAwsConnection({ orgSlug: slug(), connectionId: prod.id }));
    expect(r).toEqual({ ok: true, data: { ok: true, account: "123456789012", arn: expect.stringMatching(/^arn:aws:sts::123456789012:assumed-role\/lambdaplane-deploy\/lambdaplane$/) } });
  });

  it("uses the server's credential chain, dummy ones against an emulator", async () => {
    const r = await asUser(people.owner, () => createAwsConnection({ orgSlug: slug(), name: "local", defaultRegion: "us-east-1", credentialType: "default_chain", endpoint: moto.endpoint }));
    if (!r.ok) expect.fail(r.error);
    expect(await asUser(people.owner, () => testAwsConnection({ orgSlug: slug(), connectionId: r.data.id }))).toMatchObject({ ok: true, data: { ok: true, account: "123456789012" } });
  });

  it("explains an endpoint that does not answer", async () => {
    const r = await asUser(people.owner, () => createAwsConnection({ orgSlug: slug(), name: "closed", defaultRegion: "us-east-1", credentialType: "default_chain", endpoint: "http://127.0.0.1:9" }));
    if (!r.ok) expect.fail(r.error);
    expect(await asUser(people.owner, () => testAwsConnection({ orgSlug: slug(), connectionId: r.data.id }))).toEqual({
      ok: true,
      data: { ok: false, message: "Could not reach the endpoint http://127.0.0.1:9 while calling sts:GetCallerIdentity: the connection was refused (ECONNREFUSED)." },
    });
  });
});

describe("updating and deleting connections", () => {
  it("keeps the external id across updates", async () => {
    const prod = await database.prisma.awsConnection.findFirstOrThrow({ where: { organizationId: people.org.id, name: "prod" } });
    const r = await asUser(people.owner, () =>
      updateAwsConnection({ orgSlug: slug(), connectionId: prod.id, name: "production", defaultRegion: "eu-central-1", credentialType: "assume_role", roleArn: "arn:aws:iam::123456789012:role/other" }),
    );
    if (!r.ok) expect.fail(r.error);
    expect(r.data).toMatchObject({ name: "production", defaultRegion: "eu-central-1", endpoint: null });
    expect((await database.prisma.awsConnection.findUniqueOrThrow({ where: { id: prod.id } })).externalIdEncrypted).toBe(prod.externalIdEncrypted);
  });

  it("refuses to delete a connection a stage uses, naming the stage", async () => {
    const local = await database.prisma.awsConnection.findFirstOrThrow({ where: { organizationId: people.org.id, name: "local" } });
    const stack = await database.prisma.stack.create({ data: { organizationId: people.org.id, name: "api" } });
    const stage = await database.prisma.stage.create({ data: { stackId: stack.id, name: "dev", region: "us-east-1", awsConnectionId: local.id } });
    expect(await asUser(people.owner, () => deleteAwsConnection({ orgSlug: slug(), connectionId: local.id }))).toMatchObject({
      ok: false,
      status: 409,
      error: 'The connection "local" is used by the stages api/dev: move them to another connection first.',
    });
    await database.prisma.stage.delete({ where: { id: stage.id } });
    expect(await asUser(people.owner, () => deleteAwsConnection({ orgSlug: slug(), connectionId: local.id }))).toEqual({ ok: true, data: null });
    expect(await database.prisma.awsConnection.count({ where: { id: local.id } })).toBe(0);
  });
});

describe("the role template download", () => {
  async function download(connectionId: string) {
    process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;
    const req = new Request(`http://localhost/api/orgs/${slug()}/aws-connections/${connectionId}/role-template`, { headers: { cookie: await sessionCookie(people.owner) } });
    return downloadRoleTemplate(req, { params: Promise.resolve({ org: slug(), connectionId }) });
  }

  it("needs to know the principal Lambdaplane runs as", async () => {
    delete process.env.LAMBDAPLANE_AWS_PRINCIPAL_ARN;
    const prod = await database.prisma.awsConnection.findFirstOrThrow({ where: { organizationId: people.org.id, name: "production" } });
    const res = await download(prod.id);
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatch(/LAMBDAPLANE_AWS_PRINCIPAL_ARN is not set/);
  });

  it("gives a template whose trust policy names the principal and the connection's external id", async () => {
    process.env.LAMBDAPLANE_AWS_PRINCIPAL_ARN = "arn:aws:iam::111122223333:role/lambdaplane-server";
    const prod = await database.prisma.awsConnection.findFirstOrThrow({ where: { organizationId: people.org.id, name: "production" } });
    const res = await download(prod.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="lambdaplane-role-production.json"');
    const template = await res.json();
    const statement = template.Resources.DeployRole.Properties.AssumeRolePolicyDocument.Statement[0];
    expect(statement.Principal).toEqual({ AWS: "arn:aws:iam::111122223333:role/lambdaplane-server" });
    expect(statement.Condition.StringEquals["sts:ExternalId"]).toBe(viewOf(prod).externalId);
  });
});
