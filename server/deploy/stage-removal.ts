import "server-only";
import { ActionError } from "@/server/auth/errors";
import type { Db } from "@/server/db/types";
import { cloudFormationStackName } from "./names";

// The one rule for removing stages from Lambdaplane, whether one stage is deleted or a whole stack
// with its stages: refused while a stage has a deployment in flight or its CloudFormation stack is
// still deployed. Removing the record then would leave stacks and functions running in AWS with
// nothing left in Lambdaplane to see or delete them. The stages' rows are locked first, as starting
// a deploy locks them (server/deploy/requests.ts), so no deploy can start between check and delete.

export type RemovalBlocker =
  | { stage: string; kind: "in_flight"; deploymentId: string; status: string }
  | { stage: string; kind: "deployed"; cloudFormationStackName: string };

/** What keeps each of these stages from being removed; a deployment in flight first. */
async function removalBlockers(tx: Db, stageIds: string[]): Promise<RemovalBlocker[]> {
  if (stageIds.length === 0) return [];
  // Ordered, so two removals touching the same stages take the locks in the same order.
  await tx.$queryRaw`SELECT "id" FROM "Stage" WHERE "id" = ANY(${stageIds}) ORDER BY "id" FOR UPDATE`;
  const stages = await tx.stage.findMany({
    where: { id: { in: stageIds } },
    select: { id: true, name: true, deployedStackName: true },
    orderBy: { name: "asc" },
  });
  const running = await tx.deployment.findMany({ where: { activeStageId: { in: stageIds } }, select: { id: true, status: true, activeStageId: true } });
  return stages.flatMap((stage): RemovalBlocker[] => {
    const inFlight = running.find((d) => d.activeStageId === stage.id);
    if (inFlight) return [{ stage: stage.name, kind: "in_flight", deploymentId: inFlight.id, status: inFlight.status }];
    if (stage.deployedStackName !== null) {
      return [{ stage: stage.name, kind: "deployed", cloudFormationStackName: cloudFormationStackName(stage.deployedStackName, stage.name) }];
    }
    return [];
  });
}

/** Refuses (409) to delete a stage while its deployment runs or its stack is deployed. */
export async function assertStageRemovable(tx: Db, stageId: string): Promise<void> {
  const [blocker] = await removalBlockers(tx, [stageId]);
  if (!blocker) return;
  throw new ActionError(
    409,
    blocker.kind === "in_flight"
      ? `Deployment ${blocker.deploymentId} of this stage is ${blocker.status}; wait for it to finish.`
      : `The stage's stack ${blocker.cloudFormationStackName} is still deployed: delete the stack first, then the stage.`,
  );
}

/** Refuses (409) to delete a stack while any of its stages has a deployment running or a stack deployed, naming each. */
export async function assertStackStagesRemovable(tx: Db, stack: { id: string; name: string }): Promise<void> {
  const stages = await tx.stage.findMany({ where: { stackId: stack.id }, select: { id: true } });
  const blockers = await removalBlockers(tx, stages.map((s) => s.id));
  if (blockers.length === 0) return;
  const named = blockers.map((b) =>
    b.kind === "in_flight" ? `${b.stage} (deployment ${b.deploymentId} is ${b.status})` : `${b.stage} (its stack ${b.cloudFormationStackName} is still deployed)`,
  );
  throw new ActionError(
    409,
    `Stack "${stack.name}" cannot be deleted while its stages have resources in AWS or a deployment in flight: ${named.join(", ")}. ` +
      "Wait for the deployments to finish and delete each stage's stack on the Deployments tab, then delete the stack.",
    undefined,
    { stages: blockers },
  );
}
