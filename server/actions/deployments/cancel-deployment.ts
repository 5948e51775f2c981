"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { cancelDeployment as cancel } from "@/server/deploy/requests";
import { recordDeploymentEnd } from "@/server/ops/metrics";

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
  // Ended here, before any pipeline ran it to an end: counted once the cancel is committed.
  async afterCommit({ db }, data) {
    if (data.status !== "cancelled") return data;
    const d = await db.deployment.findUnique({ where: { id: data.deploymentId }, select: { operation: true, createdAt: true, finishedAt: true } });
    if (d?.finishedAt) recordDeploymentEnd(d.operation, "cancelled", (d.finishedAt.getTime() - d.createdAt.getTime()) / 1000);
    return data;
  },
});
