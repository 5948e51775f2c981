import { readFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/db/generated/client";
import { E2E } from "./env";

// What specs set up or read in the running e2e server's database mid-test: states a browser cannot
// reach quickly (an expired link, a revision saved elsewhere, what a worker records). Apart from
// e2e/fixtures.ts, which seeds at server start and imports server-only modules a spec process cannot.

/** Runs `run` with a client of the running e2e server's database. */
export async function withE2eDatabase<T>(run: (client: PrismaClient) => Promise<T>): Promise<T> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: readFileSync(E2E.databaseUrlFile, "utf8").trim() }) });
  try {
    return await run(client);
  } finally {
    await client.$disconnect();
  }
}

const acmeStack = (client: PrismaClient, name: string) =>
  client.stack.findFirstOrThrow({ where: { name, organization: { slug: E2E.acme.orgSlug } } });

type RevisionData = { number: number; yaml: string; definition: object; code: Record<string, string>; message: string };

/** A new Acme stack with its first revision. */
export async function seedNewStack(name: string, revision: RevisionData): Promise<void> {
  await withE2eDatabase(async (client) => {
    const org = await client.organization.findUniqueOrThrow({ where: { slug: E2E.acme.orgSlug } });
    await client.stack.create({ data: { organizationId: org.id, name, revisions: { create: revision } } });
  });
}

/** A revision of an Acme stack, stored as a save stores it (by `authorEmail` when given). */
export async function seedRevision(
  stackName: string,
  revision: RevisionData & { authorEmail?: string },
): Promise<void> {
  const { authorEmail, ...data } = revision;
  await withE2eDatabase(async (client) => {
    const stack = await acmeStack(client, stackName);
    const author = authorEmail ? await client.user.findUniqueOrThrow({ where: { email: authorEmail } }) : null;
    await client.stackRevision.create({ data: { ...data, stackId: stack.id, authorId: author?.id } });
  });
}

/** What a succeeded deploy of revision `revisionNumber` to stage "dev" in us-east-1 leaves: a connection to moto, the stage and the deployment. */
export async function seedDeployedDevStage(stackName: string, revisionNumber: number, connection: { name: string; motoEndpoint: string }): Promise<void> {
  await withE2eDatabase(async (client) => {
    const stack = await acmeStack(client, stackName);
    const revision = await client.stackRevision.findUniqueOrThrow({ where: { stackId_number: { stackId: stack.id, number: revisionNumber } } });
    const { id: awsConnectionId } = await client.awsConnection.create({
      data: { organizationId: stack.organizationId, name: connection.name, defaultRegion: "us-east-1", credentialType: "default_chain", endpoint: connection.motoEndpoint },
    });
    await client.stage.create({
      data: {
        stackId: stack.id,
        name: "dev",
        region: "us-east-1",
        awsConnectionId,
        deployedStackName: stack.name,
        deployments: { create: { revisionId: revision.id, status: "succeeded" } },
      },
    });
  });
}

/** A stage with no connection, unless an earlier run against the same e2e server made it; returns its id. */
export async function seedStage(stackName: string, stage: { name: string; region: string }): Promise<string> {
  return withE2eDatabase(async (client) => {
    const stack = await acmeStack(client, stackName);
    const { id } = await client.stage.upsert({ where: { stackId_name: { stackId: stack.id, name: stage.name } }, create: { ...stage, stackId: stack.id }, update: {} });
    return id;
  });
}

/** A delivery to the stage's notification target that failed every attempt, as the notification worker records one. */
export async function seedFailedDelivery(
  stageId: string,
  delivery: { deploymentId: string; statusCode: number; error: string; attempts: number; durationMs: number },
): Promise<void> {
  const { deploymentId, statusCode, error, attempts, durationMs } = delivery;
  await withE2eDatabase(async (client) => {
    const target = await client.notificationTarget.findFirstOrThrow({ where: { stageId } });
    await client.notificationDelivery.create({
      data: {
        targetId: target.id,
        deploymentId,
        event: "failed",
        eventId: `seeded-${deploymentId}`,
        payload: {},
        status: "failed",
        attempts,
        lastStatusCode: statusCode,
        lastError: error,
        attemptLog: { create: Array.from({ length: attempts }, (_, i) => ({ number: i + 1, statusCode, error, durationMs })) },
      },
    });
  });
}

/** Ages an invitation past its expiry. */
export async function expireInvitation(email: string): Promise<void> {
  await withE2eDatabase((client) => client.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 60_000) } }));
}

/** Kills the server's LISTEN connections that feed live deployment streams; returns how many there were. */
export async function dropDeploymentStreamConnections(): Promise<number> {
  return withE2eDatabase(async (client) => {
    const dropped = await client.$queryRaw<unknown[]>`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lambdaplane-deployment-streams'`;
    return dropped.length;
  });
}

/** How many pipeline events and distinct resources a deployment has stored. */
export async function storedDeploymentEvents(deploymentId: string): Promise<{ pipeline: number; resources: number }> {
  return withE2eDatabase(async (client) => {
    const pipeline = await client.deploymentEvent.count({ where: { deploymentId, kind: { not: "resource" } } });
    const resources = await client.deploymentEvent.findMany({
      where: { deploymentId, kind: "resource", logicalId: { not: null } },
      distinct: ["logicalId"],
      select: { logicalId: true },
    });
    return { pipeline, resources: resources.length };
  });
}
