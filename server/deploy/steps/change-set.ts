import "server-only";
import { CreateChangeSetCommand } from "@aws-sdk/client-cloudformation";
import { db } from "@/server/db/client";
import { countChanges, isNoChangeReason, summarizeChanges, type ChangeSetSummary } from "../change-set";
import { deleteChangeSet, describeChangeSet, describeStack, newestEventId } from "../cloudformation";
import { retryingDb } from "../db-retry";
import { appendEvents } from "../events";
import { toJson } from "../json";
import { changeSetName } from "../names";
import { parseArtifacts } from "../artifacts";
import { definitionOf, StepFailure, type RunContext, type StepResult } from "../run-context";
import { moveTo } from "../store";
import { render, templateSource, templateTarget } from "./template";

// creating_change_set -> awaiting_approval | executing | no_changes. The change set is named after
// the deployment, so a step that runs again after a crash finds the one it created.

const BUSY = /_IN_PROGRESS$/;

async function createChangeSet(run: RunContext): Promise<void> {
  const { d } = run;
  const stack = await describeStack(run.aws.cloudFormation, run.stackName);
  const status = stack?.StackStatus;
  if (status === "ROLLBACK_COMPLETE") {
    throw new StepFailure(
      `The stack ${run.stackName} is in ROLLBACK_COMPLETE: its first deploy failed and CloudFormation cannot update it. Delete the stage's stack, then deploy again.`,
    );
  }
  if (status && BUSY.test(status) && status !== "REVIEW_IN_PROGRESS") {
    throw new StepFailure(`The stack ${run.stackName} is busy (${status}) with an operation Lambdaplane did not start; deploy again when it ends.`);
  }
  const definition = await definitionOf(run);
  const artifacts = parseArtifacts(d.artifacts);
  const source = await templateSource(templateTarget(run), await render(run, definition, artifacts), artifacts.bucket);
  const out = await run.aws.cloudFormation.send(
    new CreateChangeSetCommand({
      StackName: run.stackName,
      ChangeSetName: changeSetName(d.id),
      ChangeSetType: !stack || status === "REVIEW_IN_PROGRESS" ? "CREATE" : "UPDATE",
      ...source,
      Capabilities: ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
      ClientToken: d.id,
      Description: `Lambdaplane deployment ${d.id} (revision ${d.revision.number})`,
    }),
  );
  await retryingDb(`recording the change set of deployment ${d.id}`, () =>
    db().$transaction([
      db().deployment.update({ where: { id: d.id }, data: { cfnStackId: out.StackId ?? null } }),
      // From now on a CloudFormation stack exists for the stage: keep its name even if the stack is renamed.
      db().stage.updateMany({ where: { id: d.stageId, deployedStackName: null }, data: { deployedStackName: run.renderName } }),
    ]),
  );
}

/** Records the stack's newest event, then hands the deployment to execution (the follow step executes). */
export async function startExecution(run: RunContext, extra: { changeSet?: ChangeSetSummary; cfnStackId?: string } = {}): Promise<StepResult> {
  const stackId = extra.cfnStackId ?? run.d.cfnStackId ?? run.stackName;
  const baselineEventId = await newestEventId(run.aws.cloudFormation, stackId);
  await moveTo(run.d.id, run.operation, "executing", {
    data: { baselineEventId, ...(extra.changeSet ? { changeSet: toJson(extra.changeSet) } : {}), ...(extra.cfnStackId ? { cfnStackId: extra.cfnStackId } : {}) },
  });
  return "continue";
}

export async function changeSetStep(run: RunContext): Promise<StepResult> {
  const { d } = run;
  const cf = run.aws.cloudFormation;
  const name = changeSetName(d.id);
  const cs = await describeChangeSet(cf, run.stackName, name);
  if (!cs) {
    await createChangeSet(run);
    return "continue";
  }
  if (cs.Status === "CREATE_PENDING" || cs.Status === "CREATE_IN_PROGRESS") return "wait";
  if (cs.Status !== "CREATE_COMPLETE") {
    await deleteChangeSet(cf, run.stackName, name);
    if (isNoChangeReason(cs.StatusReason)) {
      await moveTo(d.id, "deploy", "no_changes", { reason: cs.StatusReason });
      return "stop";
    }
    throw new StepFailure(`CloudFormation could not create the change set: ${cs.StatusReason ?? cs.Status}`);
  }

  const stack = await describeStack(cf, run.stackName);
  const changes = summarizeChanges(cs.Changes);
  const rendered = await render(run, await definitionOf(run), parseArtifacts(d.artifacts));
  const summary: ChangeSetSummary = {
    changeSetName: name,
    changeSetId: cs.ChangeSetId ?? "",
    type: stack?.StackStatus === "REVIEW_IN_PROGRESS" ? "CREATE" : "UPDATE",
    changes,
    counts: countChanges(changes),
    outputResources: Object.fromEntries(Object.entries(rendered.outputs).map(([key, o]) => [key, o.resource])),
  };
  await appendEvents(d.id, [{ kind: "change_set", eventKey: "change_set", status: summary.type, data: { counts: summary.counts } }]);
  const cfnStackId = cs.StackId ?? undefined;
  if (d.stage.protected && !d.approvedById) {
    await moveTo(d.id, "deploy", "awaiting_approval", {
      data: { changeSet: toJson(summary), cfnStackId: cfnStackId ?? null },
      reason: `The stage ${d.stage.name} is protected: an admin or owner approves the change set`,
    });
    return "stop";
  }
  return startExecution(run, { changeSet: summary, cfnStackId });
}

export async function awaitingApprovalStep(run: RunContext): Promise<StepResult> {
  return run.d.approvedById ? startExecution(run) : "stop";
}
