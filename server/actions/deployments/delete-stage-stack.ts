"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { startStackDeletion } from "@/server/deploy/requests";

/** Deletes the stage's CloudFormation stack (a queued operation); the user types the stack's name to confirm. */
export const deleteStageStack = defineAction({
  action: "stage.delete_stack",
  mode: "write",
  permission: "stage:manage",
  input: z.object({ orgSlug: z.string(), stageId: z.string().min(1), confirmation: z.string() }),
  async run({ tx, org, user }, { stageId, confirmation }) {
    const started = await startStackDeletion(tx, org.id, { stageId, confirmation }, user);
    return { data: started, audit: { targetType: "stage", targetId: stageId, after: { deletingStack: started.cloudFormationStackName, deploymentId: started.deploymentId } } };
  },
});
