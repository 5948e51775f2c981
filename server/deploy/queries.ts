import "server-only";
import type { Db } from "@/server/db/types";
import type { CostDifference } from "@/lib/deploy/cost-difference";
import { locateCosts } from "@/lib/deploy/change-set-costs";
import type { DeploymentOperation, DeploymentStatus } from "@/lib/deploy/status";
import type { ChangeSetSummary } from "./change-set";
import { costLogicalId } from "./cost-logical-id";
import { cloudFormationStackName } from "./names";
import { streamedEvent } from "./sse";
import { revisionCostDifference, type StoredRevision } from "@/server/stacks/revision-reads";

// What the deployments pages read: stages with their history, one deployment with its timeline,
// and the cost difference of deploying a revision to a stage.

const HISTORY = 10;

async function emails(client: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await client.user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}

export interface HistoryRow {
  id: string;
  operation: DeploymentOperation;
  status: DeploymentStatus;
  revision: number;
  startedBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface StageOverview {
  id: string;
  name: string;
  region: string;
  protected: boolean;
  awsConnectionId: string | null;
  connectionName: string | null;
  cloudFormationStackName: string;
  deployed: boolean;
  history: HistoryRow[];
}

/** The stack's stages, each with its latest deployments (newest first). */
export async function listStagesWithHistory(client: Db, stackId: string, stackName: string): Promise<StageOverview[]> {
  const stages = await client.stage.findMany({
    where: { stackId },
    orderBy: { createdAt: "asc" },
    include: {
      awsConnection: { select: { name: true } },
      deployments: { orderBy: { createdAt: "desc" }, take: HISTORY, include: { revision: { select: { number: true } } } },
    },
  });
  const who = await emails(client, stages.flatMap((s) => s.deployments.map((d) => d.startedById)));
  return stages.map((s) => ({
    id: s.id,
    name: s.name,
    region: s.region,
    protected: s.protected,
    awsConnectionId: s.awsConnectionId,
    connectionName: s.awsConnection?.name ?? null,
    cloudFormationStackName: cloudFormationStackName(s.deployedStackName ?? stackName, s.name),
    deployed: s.deployedStackName !== null,
    history: s.deployments.map((d) => ({
      id: d.id,
      operation: d.operation,
      status: d.status,
      revision: d.revision.number,
      startedBy: d.startedById ? (who.get(d.startedById) ?? null) : null,
      createdAt: d.createdAt,
      finishedAt: d.finishedAt,
    })),
  }));
}

/**
 * The revision the stage's stack ran just before `at`: the newest deploy that succeeded (or found
 * nothing to change), unless a stack deletion succeeded after it. Null when nothing was deployed.
 */
export async function deployedRevisionBefore(client: Db, stageId: string, at: Date) {
  const last = await client.deployment.findFirst({
    where: { stageId, createdAt: { lt: at }, status: { in: ["succeeded", "no_changes"] } },
    orderBy: { createdAt: "desc" },
    include: { revision: { select: { id: true, number: true, yaml: true } } },
  });
  return last && last.operation === "deploy" ? last.revision : null;
}

/** What deploying `revision` to each stage does to the monthly cost. */
export async function costDifferencesByStage(
  client: Db,
  organizationId: string,
  stages: readonly { id: string; region: string }[],
  revision: StoredRevision,
): Promise<Record<string, CostDifference>> {
  const now = new Date();
  const out: Record<string, CostDifference> = {};
  // One at a time: the compute pool runs one job per organization anyway.
  for (const stage of stages) out[stage.id] = await revisionCostDifference(await deployedRevisionBefore(client, stage.id, now), revision, stage.region, organizationId);
  return out;
}

/** One deployment of the stack with its whole timeline so far, or null when it is not this stack's. */
export async function findDeploymentDetail(client: Db, stackId: string, deploymentId: string) {
  const d = await client.deployment.findFirst({
    where: { id: deploymentId, stage: { stackId } },
    include: { stage: { include: { stack: { select: { organizationId: true } } } }, revision: { select: { id: true, number: true, yaml: true } }, events: { orderBy: { id: "asc" } } },
  });
  if (!d) return null;
  const who = await emails(client, [d.startedById, d.approvedById, d.cancelRequestedById]);
  const base = await deployedRevisionBefore(client, d.stageId, d.createdAt);
  const cost = await revisionCostDifference(base, d.operation === "deploy" ? d.revision : null, d.stage.region, d.stage.stack.organizationId);
  return {
    id: d.id,
    operation: d.operation,
    status: d.status,
    stage: { id: d.stage.id, name: d.stage.name, region: d.stage.region, protected: d.stage.protected },
    revision: d.revision.number,
    cfnStackName: d.cfnStackName,
    startedBy: d.startedById ? (who.get(d.startedById) ?? null) : null,
    approvedBy: d.approvedById ? (who.get(d.approvedById) ?? null) : null,
    cancelRequested: d.cancelRequestedAt !== null,
    changeSet: d.changeSet as ChangeSetSummary | null,
    outputs: (d.outputs ?? null) as DeploymentOutputs | null,
    error: d.error,
    createdAt: d.createdAt,
    finishedAt: d.finishedAt,
    events: d.events.map(streamedEvent),
    /** When this was read: the elapsed time of a deployment in flight counts from here until the browser's clock takes over. */
    readAt: new Date(),
    /** Against the revision the stage ran before: on the change-set rows by logical id, or on its own when there is no change set. */
    cost: locateCosts(cost, costLogicalId),
  };
}
export type DeploymentDetail = NonNullable<Awaited<ReturnType<typeof findDeploymentDetail>>>;

/** Deployment.outputs as the follow step records them. */
export type DeploymentOutputs = Record<string, { value: string; description: string | null; resource: string | null }>;
