import "server-only";
import type { Db } from "@/server/db/types";
import { notFound } from "@/server/auth/errors";
import { listStacks } from "@/server/stacks/queries";
import type { RevisionCode } from "@/server/stacks/revision-code";

// What the REST API reads about stacks. Stacks are addressed by name (unique in an organization),
// as people and CI scripts know them.

export async function findApiStack(client: Db, organizationId: string, name: string) {
  const stack = await client.stack.findFirst({ where: { organizationId, name }, select: { id: true, name: true, createdAt: true, updatedAt: true } });
  if (!stack) throw notFound(`No stack named ${name} in this organization.`);
  return stack;
}

export async function apiStackList(client: Db, organizationId: string) {
  return (await listStacks(client, organizationId)).map((s) => ({
    id: s.id,
    name: s.name,
    latestRevision: s.latestRevision,
    stages: s.stageCount,
    updatedAt: s.updatedAt.toISOString(),
  }));
}

export async function apiStackDetail(client: Db, organizationId: string, name: string) {
  const stack = await findApiStack(client, organizationId, name);
  const [latest, stages] = await Promise.all([
    client.stackRevision.findFirst({ where: { stackId: stack.id }, orderBy: { number: "desc" }, select: { number: true, createdAt: true } }),
    client.stage.findMany({ where: { stackId: stack.id }, orderBy: { name: "asc" }, select: { id: true, name: true, region: true, protected: true, awsConnectionId: true } }),
  ]);
  return {
    id: stack.id,
    name: stack.name,
    latestRevision: latest?.number ?? null,
    updatedAt: stack.updatedAt.toISOString(),
    stages: stages.map((s) => ({ id: s.id, name: s.name, region: s.region, protected: s.protected, hasAwsConnection: s.awsConnectionId !== null })),
  };
}

/** A revision of the stack: the given number, else the latest. */
export async function apiRevision(client: Db, stackId: string, stackName: string, number?: number) {
  const revision = await client.stackRevision.findFirst({
    where: { stackId, ...(number === undefined ? {} : { number }) },
    orderBy: { number: "desc" },
    select: { id: true, number: true, yaml: true, code: true, message: true, createdAt: true, authorId: true },
  });
  if (!revision) throw notFound(number === undefined ? `The stack ${stackName} has no revision yet.` : `The stack ${stackName} has no revision ${number}.`);
  return { ...revision, code: revision.code as RevisionCode };
}

export async function findApiStage(client: Db, stackId: string, stackName: string, stageName: string) {
  const stage = await client.stage.findFirst({ where: { stackId, name: stageName }, select: { id: true, name: true, region: true } });
  if (!stage) throw notFound(`The stack ${stackName} has no stage named ${stageName}; create it on the stack's page first.`);
  return stage;
}
