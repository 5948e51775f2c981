"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { cancelDeployment as cancel } from "@/server/deploy/requests";

/** Ends a deploy before CloudFormation starts, or asks CloudFormation to cancel (roll back) an update in flight. */
export const cancelDeployment = defineAction({
  action: "deployment.cancel",
  mode: "write",
  permission: "deploy:start",
  input: z.object({ orgSlug: z.string(), deploymentId: z.string().min(1) }),
  async run({ tx, org, user }, { deploymentId }) {
    const result = await cancel(tx, org.id, deploymentId, user);
    return { data: result, audit: { targetType: "deployment", targetId: deploymentId, after: { status: result.status } } };
  },
});
