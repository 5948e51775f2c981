import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAwsEmulator } from "@/server/aws/test-support";
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
  allowAwsEmulator(moto.endpoint, "http://127.0.0.1:9");
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
      data: {
        ok: false,
        message:
          "STS GetCallerIdentity failed: could not reach the endpoint http://127.0.0.1:9: the connection was refused (ECONNREFUSED). Check the connection's endpoint URL and that the service there is running.",
        details: expect.stringContaining("ECONNREFUSED"),
      },
    });
  });
});

describe("instance settings: the operator's own AWS identity and the endpoint override", () => {
  /** Runs `fn` with the instance's defaults (what a production install has), then restores the emulator set-up. */
  async function withProductionDefaults<T>(fn: () => Promise<T>): Promise<T> {
    const saved = { ...process.env };
    delete process.env.LAMBDAPLANE_ALLOW_AWS_ENDPOINT_OVERRIDE;
    delete process.env.LAMBDAPLANE_ALLOW_INSTANCE_CREDENTIALS;
    delete process.env.LAMBDAPLANE_OUTBOUND_ALLOW;
    try {
      return await fn();
    } finally {
      Object.assign(process.env, saved);
    }
  }
  const role = "arn:aws:iam::123456789012:role/lambdaplane-deploy";

  it("refuses the server's own credentials (default_chain) unless the instance allows them, naming the field", async () => {
    const r = await withProductionDefaults(() => asUser(people.owner, () => createAwsConnection({ orgSlug: slug(), name: "mine", defaultRegion: "us-east-1", credentialType: "default_chain" })));
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { credentialType: expect.stringContaining("LAMBDAPLANE_ALLOW_INSTANCE_CREDENTIALS is off") } });
    const prod = await database.prisma.awsConnection.findFirstOrThrow({ where: { organizationId: people.org.id, name: "prod" } });
    const update = await withProductionDefaults(() =>
      asUser(people.owner, () => updateAwsConnection({ orgSlug: slug(), connectionId: prod.id, name: "prod", defaultRegion: "us-east-1", credentialType: "default_chain" })),
    );
    expect(update).toMatchObject({ ok: false, status: 400, fieldErrors: { credentialType: expect.any(String) } });
    expect(await database.prisma.awsConnection.count({ where: { organizationId: people.org.id, name: "mine" } })).toBe(0);
  });

  it("refuses an endpoint override unless the instance allows it, naming the field", async () => {
    const r = await withProductionDefaults(() =>
      asUser(people.owner, () => createAwsConnection({ orgSlug: slug(), name: "redirected", defaultRegion: "us-east-1", credentialType: "assume_role", roleArn: role, endpoint: "https://sts.example.com" })),
    );
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { endpoint: expect.stringContaining("LAMBDAPLANE_ALLOW_AWS_ENDPOINT_OVERRIDE is off") } });
  });

  it("refuses an endpoint on the metadata address or with credentials in it even when overrides are allowed", async () => {
    for (const [endpoint, message] of [
      ["http://169.254.169.254/latest/meta-data/", /private address/],
      ["http://[::ffff:127.0.0.1]:6379/", /private address/],
      ["http://user:pw@sts.example.com/", /must not contain a user name or password/],
    ] as const) {
      const r = await asUser(people.owner, () => createAwsConnection({ orgSlug: slug(), name: "meta", defaultRegion: "us-east-1", credentialType: "assume_role", roleArn: role, endpoint }));
      expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { endpoint: expect.stringMatching(message) } });
    }
  });

  it("does not use an existing default_chain or endpoint connection once the instance disallows it, and says why", async () => {
    const local = await database.prisma.awsConnection.findFirstOrThrow({ where: { organizationId: people.org.id, name: "local" } });
    const own = await withProductionDefaults(() => asUser(people.owner, () => testAwsConnection({ orgSlug: slug(), connectionId: local.id })));
    expect(own).toEqual({ ok: true, data: { ok: false, message: expect.stringContaining("does not let organizations use the server's own AWS credentials") } });
    const emulated = await database.prisma.awsConnection.create({
      data: { organizationId: people.org.id, name: "emulated", defaultRegion: "us-east-1", credentialType: "assume_role", roleArn: role, endpoint: moto.endpoint },
    });
    process.env.LAMBDAPLANE_ALLOW_INSTANCE_CREDENTIALS = "";
    const redirected = await withProductionDefaults(() => asUser(people.owner, () => testAwsConnection({ orgSlug: slug(), connectionId: emulated.id })));
    expect(redirected).toEqual({ ok: true, data: { ok: false, message: expect.stringContaining("does not allow an endpoint override") } });
  });

  it("refuses, at call time, an endpoint whose address the allowlist does not list", async () => {
    const unlisted = await database.prisma.awsConnection.create({
      data: { organizationId: people.org.id, name: "unlisted", defaultRegion: "us-east-1", credentialType: "assume_role", roleArn: role, endpoint: "http://localhost:7/" },
    });
    expect(await asUser(people.owner, () => testAwsConnection({ orgSlug: slug(), connectionId: unlisted.id }))).toEqual({
      ok: true,
      data: {
        ok: false,
        message: expect.stringMatching(/^STS GetCallerIdentity was not called while assuming .*: the endpoint http:\/\/localhost:7\/ is a private address that LAMBDAPLANE_OUTBOUND_ALLOW does not list/),
        details: expect.any(String),
      },
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
