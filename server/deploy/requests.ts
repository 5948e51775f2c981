import "server-only";
import type { Db } from "@/server/db/types";
import { ActionError, invalid, notFound } from "@/server/auth/errors";
import { insertEvents } from "./events";
import { cloudFormationStackName } from "./names";
import { enqueueDeployment } from "./queue";
import { isTerminal, PRE_EXECUTION_STATUSES, type DeploymentOperation, type DeploymentStatus } from "@/lib/deploy/status";
import { transitionIn } from "./store";
import { lockStageForTransaction } from "./lock";

// What people ask of the pipeline (start, delete a stack, approve, cancel), each inside the
// caller's transaction: the row changes and the job that acts on them commit together.
//
// One deploy per stage at a time: a second request is REFUSED (409) with a message naming the
// deployment in flight, never queued behind it (a queued deploy of an older click would surprise).
// The stage row is locked first so concurrent requests are decided one after the other; the unique
// index on Deployment.activeStageId enforces it whatever the code path.

type Actor = { id: string; email: string };

async function lockStage(tx: Db, organizationId: string, stageId: string) {
  const stage = await tx.stage.findFirst({ where: { id: stageId, stack: { organizationId } }, include: { stack: true } });
  if (!stage) throw notFound("Stage not found.");
  await tx.$queryRaw`SELECT "id" FROM "Stage" WHERE "id" = ${stageId} FOR UPDATE`;
  return stage;
}

async function refuseIfBusy(tx: Db, stage: { id: string; name: string }): Promise<void> {
  if (!(await lockStageForTransaction(tx, stage.id))) {
    throw new ActionError(409, `The stage ${stage.name} is busy: a plan is creating a change set on it. Try again in a minute.`);
  }
  await refuseIfDeploying(tx, stage);
}

/** 409 naming the deployment in flight on the stage, if there is one. */
export async function refuseIfDeploying(tx: Db, stage: { id: string; name: string }): Promise<void> {
  const running = await tx.deployment.findFirst({
    where: { activeStageId: stage.id },
    select: { id: true, status: true, operation: true, startedById: true, createdAt: true, revision: { select: { number: true } } },
  });
  if (!running) return;
  const starter = running.startedById ? await tx.user.findUnique({ where: { id: running.startedById }, select: { email: true } }) : null;
  const what = running.operation === "destroy" ? "a stack deletion" : `revision ${running.revision.number}`;
  throw new ActionError(
    409,
    `The stage ${stage.name} is busy: deployment ${running.id} (${what}, ${running.status}, started by ${starter?.email ?? "someone"} at ${running.createdAt.toISOString()}) is in flight. Wait for it to finish or cancel it.`,
  );
}

async function createRun(
  tx: Db,
  stage: { id: string; name: string; deployedStackName: string | null; stack: { name: string } },
  revisionId: string,
  operation: DeploymentOperation,
  actor: Actor,
  reconcile = false,
) {
  const deployment = await tx.deployment.create({
    data: {
      stageId: stage.id,
      revisionId,
      operation,
      reconcile,
      status: "queued",
      activeStageId: stage.id,
      startedById: actor.id,
      cfnStackName: cloudFormationStackName(stage.deployedStackName ?? stage.stack.name, stage.name),
    },
  });
  await insertEvents(tx, deployment.id, [{ kind: "status", eventKey: "status:queued", status: "queued", reason: `Started by ${actor.email}` }]);
  await enqueueDeployment(tx, deployment.id);
  return deployment;
}

export async function startDeployment(tx: Db, organizationId: string, input: { stageId: string; revisionId?: string; reconcile?: boolean }, actor: Actor) {
  const stage = await lockStage(tx, organizationId, input.stageId);
  if (!stage.awsConnectionId) throw invalid("stageId", `The stage ${stage.name} has no AWS connection: choose one in its settings.`);
  const revision = input.revisionId
    ? await tx.stackRevision.findFirst({ where: { id: input.revisionId, stackId: stage.stackId } })
    : await tx.stackRevision.findFirst({ where: { stackId: stage.stackId }, orderBy: { number: "desc" } });
  if (!revision) throw invalid("revisionId", "Choose a revision of this stack.");
  await refuseIfBusy(tx, stage);
  const deployment = await createRun(tx, stage, revision.id, "deploy", actor, input.reconcile);
  return { deploymentId: deployment.id, stage: stage.name, revision: revision.number, cloudFormationStackName: deployment.cfnStackName };
}

export async function startStackDeletion(tx: Db, organizationId: string, input: { stageId: string; confirmation: string }, actor: Actor) {
  const stage = await lockStage(tx, organizationId, input.stageId);
  const stackName = cloudFormationStackName(stage.deployedStackName ?? stage.stack.name, stage.name);
  if (input.confirmation !== stackName) {
    throw new ActionError(400, `confirmation: type the stack name "${stackName}" to delete it.`, { confirmation: `Type "${stackName}" exactly.` });
  }
  if (!stage.awsConnectionId) throw invalid("stageId", `The stage ${stage.name} has no AWS connection: choose one in its settings.`);
  await refuseIfBusy(tx, stage);
  // The revision the stack was last deployed from; the stack's latest when the stage never deployed.
  const last = await tx.deployment.findFirst({ where: { stageId: stage.id }, orderBy: { createdAt: "desc" }, select: { revisionId: true } });
  const revisionId =
    last?.revisionId ?? (await tx.stackRevision.findFirst({ where: { stackId: stage.stackId }, orderBy: { number: "desc" }, select: { id: true } }))?.id;
  if (!revisionId) throw notFound("The stack has no revision.");
  const deployment = await createRun(tx, stage, revisionId, "destroy", actor);
  return { deploymentId: deployment.id, cloudFormationStackName: stackName };
}

async function findDeployment(tx: Db, organizationId: string, deploymentId: string) {
  const d = await tx.deployment.findFirst({ where: { id: deploymentId, stage: { stack: { organizationId } } }, include: { stage: true } });
  if (!d) throw notFound("Deployment not found.");
  return d;
}

export async function approveDeployment(tx: Db, organizationId: string, deploymentId: string, actor: Actor) {
  const d = await findDeployment(tx, organizationId, deploymentId);
  const { count } = await tx.deployment.updateMany({
    where: { id: d.id, status: "awaiting_approval", approvedById: null },
    data: { approvedById: actor.id },
  });
  if (count === 0) throw new ActionError(409, `Deployment ${d.id} is ${d.status}${d.approvedById ? " and already approved" : ""}: there is nothing to approve.`);
  await insertEvents(tx, d.id, [{ kind: "approval", eventKey: "approved", reason: `Approved by ${actor.email}` }]);
  await enqueueDeployment(tx, d.id);
  return { deploymentId: d.id };
}

export async function cancelDeployment(tx: Db, organizationId: string, deploymentId: string, actor: Actor) {
  const d = await findDeployment(tx, organizationId, deploymentId);
  const status = d.status as DeploymentStatus;
  if (isTerminal(status)) throw new ActionError(409, `Deployment ${d.id} has already ended (${status}).`);
  const now = new Date();
  if ((PRE_EXECUTION_STATUSES as readonly string[]).includes(status)) {
    const moved = await transitionIn(tx, d.id, d.operation, "cancelled", {
      data: { cancelRequestedAt: now, cancelRequestedById: actor.id },
      reason: `Cancelled by ${actor.email} before CloudFormation started`,
    });
    if (!moved) throw new ActionError(409, `Deployment ${d.id} moved on while cancelling; look at it again.`);
    // The job discards a change set that may have been created.
    await enqueueDeployment(tx, d.id);
    return { deploymentId: d.id, status: "cancelled" as const };
  }
  if (d.operation === "destroy") throw new ActionError(409, "A stack deletion cannot be cancelled once CloudFormation has started it.");
  if ((d.changeSet as { type?: string } | null)?.type === "CREATE") {
    throw new ActionError(409, "A first deploy creates the stack and CloudFormation cannot cancel a creation: wait for it to finish, then delete the stack if needed.");
  }
  if (!d.cancelRequestedAt) {
    await tx.deployment.update({ where: { id: d.id }, data: { cancelRequestedAt: now, cancelRequestedById: actor.id } });
    await insertEvents(tx, d.id, [{ kind: "cancel", eventKey: "cancel:requested", reason: `Cancel requested by ${actor.email}` }]);
    await enqueueDeployment(tx, d.id);
  }
  return { deploymentId: d.id, status: "cancelling" as const };
}
