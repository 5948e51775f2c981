import "server-only";
import type { Db } from "@/server/db/types";
import { isUniqueViolation } from "@/server/db/errors";
import { ActionError, invalid, notFound } from "@/server/auth/errors";
import { findConnection } from "@/server/aws/connections";
import { findStack } from "@/server/stacks/queries";
import { assertRoom, TENANT_LIMITS } from "@/server/tenant-limits";
import { cloudFormationStackName } from "./names";
import { assertStageRemovable } from "./stage-removal";

// Stages of a stack: where it deploys (a connection and a region) and whether deploys need approval.

export interface StageFields {
  name: string;
  awsConnectionId: string;
  region?: string;
  protected: boolean;
}

export async function findStage(client: Db, organizationId: string, stageId: string) {
  return client.stage.findFirst({ where: { id: stageId, stack: { organizationId } }, include: { stack: true } });
}

async function requireConnection(tx: Db, organizationId: string, connectionId: string) {
  const connection = await findConnection(tx, organizationId, connectionId);
  if (!connection) throw invalid("awsConnectionId", "Choose an AWS connection of this organization.");
  return connection;
}

async function guardName<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid("name", `This stack already has a stage named "${name}".`);
    throw e;
  }
}

async function inFlight(tx: Db, stageId: string) {
  return tx.deployment.findFirst({ where: { activeStageId: stageId }, select: { id: true, status: true } });
}

export function stageView(stage: { id: string; name: string; region: string; protected: boolean; awsConnectionId: string | null; deployedStackName: string | null }, stackName: string) {
  return {
    id: stage.id,
    name: stage.name,
    region: stage.region,
    protected: stage.protected,
    awsConnectionId: stage.awsConnectionId,
    cloudFormationStackName: cloudFormationStackName(stage.deployedStackName ?? stackName, stage.name),
    deployed: stage.deployedStackName !== null,
  };
}

export async function createStage(tx: Db, organizationId: string, stackId: string, fields: StageFields) {
  const stack = await findStack(tx, organizationId, stackId);
  if (!stack) throw notFound("Stack not found.");
  assertRoom(await tx.stage.count({ where: { stackId: stack.id } }), TENANT_LIMITS.stagesPerStack, "name", "stages per stack");
  const connection = await requireConnection(tx, organizationId, fields.awsConnectionId);
  const stage = await guardName(fields.name, () =>
    tx.stage.create({
      data: {
        stackId,
        name: fields.name,
        awsConnectionId: connection.id,
        region: fields.region ?? connection.defaultRegion,
        protected: fields.protected,
      },
    }),
  );
  return stageView(stage, stack.name);
}

export async function updateStage(tx: Db, organizationId: string, stageId: string, fields: StageFields) {
  const stage = await findStage(tx, organizationId, stageId);
  if (!stage) throw notFound("Stage not found.");
  const connection = await requireConnection(tx, organizationId, fields.awsConnectionId);
  const region = fields.region ?? stage.region;
  const moves = fields.name !== stage.name || region !== stage.region || connection.id !== stage.awsConnectionId;
  if (moves) {
    const running = await inFlight(tx, stageId);
    if (running) throw new ActionError(409, `Deployment ${running.id} of this stage is ${running.status}; wait for it to finish.`);
    if (stage.deployedStackName !== null) {
      const field = fields.name !== stage.name ? "name" : region !== stage.region ? "region" : "awsConnectionId";
      throw invalid(
        field,
        `The stage's stack ${cloudFormationStackName(stage.deployedStackName, stage.name)} is deployed: delete it before changing the stage's name, connection or region.`,
      );
    }
  }
  const after = await guardName(fields.name, () =>
    tx.stage.update({ where: { id: stageId }, data: { name: fields.name, awsConnectionId: connection.id, region, protected: fields.protected } }),
  );
  return { before: stageView(stage, stage.stack.name), after: stageView(after, stage.stack.name) };
}

export async function deleteStage(tx: Db, organizationId: string, stageId: string, confirmation: string) {
  const stage = await findStage(tx, organizationId, stageId);
  if (!stage) throw notFound("Stage not found.");
  if (confirmation !== stage.name) {
    throw new ActionError(400, `confirmation: type the stage name "${stage.name}" to delete it.`, { confirmation: `Type "${stage.name}" exactly.` });
  }
  await assertStageRemovable(tx, stageId);
  await tx.stage.delete({ where: { id: stageId } });
  return stageView(stage, stage.stack.name);
}
