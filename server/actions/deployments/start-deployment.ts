"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { startDeployment as start } from "@/server/deploy/requests";

/** Queues a deploy of a revision (the stack's latest by default) to a stage; refused (409) while the stage has one in flight. */
export const startDeployment = defineAction({
  action: "deployment.start",
  mode: "write",
  permission: "deploy:start",
  input: z.object({ orgSlug: z.string(), stageId: z.string().min(1), revisionId: z.string().min(1).optional() }),
  async run({ tx, org, user }, { stageId, revisionId }) {
    const started = await start(tx, org.id, { stageId, revisionId }, user);
    return {
      data: started,
      audit: { targetType: "deployment", targetId: started.deploymentId, after: { stage: started.stage, revision: started.revision } },
    };
  },
});
