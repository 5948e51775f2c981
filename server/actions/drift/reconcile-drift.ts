"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { ActionError, notFound } from "@/server/auth/errors";
import { startDeployment } from "@/server/deploy/requests";

/**
 * Puts a drifted stage back: deploys the revision it runs again through the normal pipeline (change
 * set, protection and approvals, one deploy per stage), marked so the render makes CloudFormation
 * write every function's configuration and code again (an unchanged template would change nothing).
 */
export const reconcileDrift = defineAction({
  action: "drift.reconcile",
  mode: "write",
  permission: "deploy:start",
  input: z.object({ orgSlug: z.string(), stageId: z.string().min(1).max(100) }),
  async run({ tx, org, user }, { stageId }) {
    const stage = await tx.stage.findFirst({ where: { id: stageId, stack: { organizationId: org.id } }, select: { id: true, name: true } });
    if (!stage) throw notFound("Stage not found.");
    const last = await tx.deployment.findFirst({
      where: { stageId, status: { in: ["succeeded", "no_changes"] } },
      orderBy: { createdAt: "desc" },
      select: { operation: true, revisionId: true },
    });
    if (!last || last.operation !== "deploy") throw new ActionError(409, `The stage ${stage.name} has no deployed stack to reconcile: deploy it first.`);
    const started = await startDeployment(tx, org.id, { stageId, revisionId: last.revisionId, reconcile: true }, user);
    return {
      data: started,
      audit: { targetType: "stage", targetId: stageId, after: { deployment: started.deploymentId, revision: started.revision } },
    };
  },
});
