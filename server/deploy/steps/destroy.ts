import "server-only";
import { describeStack, newestEventId } from "../cloudformation";
import { StepFailure, type RunContext, type StepResult } from "../run-context";
import { moveTo } from "../store";

// queued -> executing (or straight to succeeded when there is no stack) for a stage's stack deletion.

export async function destroyStep(run: RunContext): Promise<StepResult> {
  const { d } = run;
  const stack = await describeStack(run.aws.cloudFormation, run.stackName);
  if (!stack || stack.StackStatus === "DELETE_COMPLETE") {
    await moveTo(d.id, "destroy", "succeeded", {
      reason: `There is no stack ${run.stackName} in ${run.region}: nothing to delete`,
      also: async (tx) => {
        await tx.stage.update({ where: { id: d.stageId }, data: { deployedStackName: null } });
      },
    });
    return "stop";
  }
  const status = stack.StackStatus ?? "";
  if (/_IN_PROGRESS$/.test(status) && status !== "REVIEW_IN_PROGRESS") {
    throw new StepFailure(`The stack ${run.stackName} is busy (${status}); delete it again when that operation ends.`);
  }
  const baselineEventId = await newestEventId(run.aws.cloudFormation, stack.StackId ?? run.stackName);
  await moveTo(d.id, "destroy", "executing", { data: { baselineEventId, cfnStackId: stack.StackId ?? null } });
  return "continue";
}
