import "server-only";
import type { Db } from "@/server/db/types";
import { connectionConfig, type AwsConnectionConfig } from "@/server/aws/connection-config";
import type { LogTarget } from "@/lib/logs/types";
import { revisionDefinition } from "@/server/stacks/revision-reads";
import { functionsOfRevision, renderNameOf } from "./functions-of-revision";

// Where a stage's logs are: its connection and region, and the functions its last successful deploy
// created. A stage that was never deployed (or whose stack was deleted) has none.

export interface StageLogs {
  id: string;
  name: string;
  region: string;
  /** Null when the stage has no deployed stack: logs make no sense yet. */
  deployedAt: Date | null;
  functions: LogTarget[];
}

export interface LogSource extends StageLogs {
  stackId: string;
  connection: AwsConnectionConfig | null;
}

const LIVE = ["succeeded", "no_changes"] as const;

async function lastDeploy(client: Db, stageId: string) {
  return client.deployment.findFirst({
    where: { stageId, operation: "deploy", status: { in: [...LIVE] } },
    orderBy: { createdAt: "desc" },
    select: { cfnStackName: true, finishedAt: true, createdAt: true, revision: { select: { id: true, number: true, yaml: true } } },
  });
}

type StageRow = { id: string; name: string; region: string; deployedStackName: string | null; stack: { name: string } };

async function stageLogs(client: Db, organizationId: string, stage: StageRow): Promise<StageLogs> {
  const deploy = stage.deployedStackName === null ? null : await lastDeploy(client, stage.id);
  if (!deploy) return { id: stage.id, name: stage.name, region: stage.region, deployedAt: null, functions: [] };
  const renderName = renderNameOf(deploy.cfnStackName, stage.name, stage.stack.name);
  return {
    id: stage.id,
    name: stage.name,
    region: stage.region,
    deployedAt: deploy.finishedAt ?? deploy.createdAt,
    functions: functionsOfRevision(await revisionDefinition(deploy.revision, organizationId), renderName, stage.name),
  };
}

/** Every stage of the stack, with the functions whose logs can be read. */
export async function listStageLogs(client: Db, organizationId: string, stackId: string): Promise<StageLogs[]> {
  const stages = await client.stage.findMany({
    where: { stackId, stack: { organizationId } },
    orderBy: { name: "asc" },
    include: { stack: { select: { name: true } } },
  });
  // In parallel: revision-reads.ts queues one organization's parses itself.
  return Promise.all(stages.map((s) => stageLogs(client, organizationId, s)));
}

/** One stage's log source, scoped to the organization (another organization's id is not found). */
export async function findLogSource(client: Db, organizationId: string, stageId: string): Promise<LogSource | null> {
  const stage = await client.stage.findFirst({
    where: { id: stageId, stack: { organizationId } },
    include: { stack: { select: { name: true } }, awsConnection: true },
  });
  if (!stage) return null;
  return { ...(await stageLogs(client, organizationId, stage)), stackId: stage.stackId, connection: stage.awsConnection ? connectionConfig(stage.awsConnection) : null };
}
