"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { approveDeployment as approve } from "@/server/deploy/requests";

/** Lets a deploy to a protected stage execute its change set. */
export const approveDeployment = defineAction({
  action: "deployment.approve",
  mode: "write",
  permission: "deploy:approve",
  input: z.object({ orgSlug: z.string(), deploymentId: z.string().min(1) }),
  async run({ tx, org, user }, { deploymentId }) {
    const approved = await approve(tx, org.id, deploymentId, user);
    return { data: approved, audit: { targetType: "deployment", targetId: deploymentId } };
  },
});
