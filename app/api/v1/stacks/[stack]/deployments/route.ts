import { z } from "zod";
import { db } from "@/server/db/client";
import { apiRoute, audited, readJson } from "@/server/api/api-route";
import { apiRevision, findApiStack, findApiStage } from "@/server/api/stacks";
import { startDeployment } from "@/server/deploy/requests";
import { percentDecoded } from "@/server/http/percent-decode";

export const dynamic = "force-dynamic";

const body = z.object({
  // readJson puts the field name in front: "stage: give the stage to deploy to, e.g. dev".
  stage: z.string("give the stage to deploy to, e.g. dev").min(1, "name the stage to deploy to"),
  revision: z.number().int().min(1).optional(),
});

/**
 * POST /api/v1/stacks/{stack}/deployments {"stage":"dev","revision":3}: queues a deploy (the latest
 * revision by default) and answers 202 with its id; 409 while the stage has a deployment in flight.
 */
export const POST = apiRoute<{ stack: string }>({ scope: "deploy", permission: "deploy:start", doing: "starting a deploy" }, async (req, caller, params) => {
  const stack = await findApiStack(db(), caller.org.id, percentDecoded(params.stack));
  const input = await readJson(req, body);
  const stage = await findApiStage(db(), stack.id, stack.name, input.stage);
  const revisionId = input.revision === undefined ? undefined : (await apiRevision(db(), stack.id, stack.name, input.revision)).id;
  const started = await audited(caller, "deployment.start", async (tx) => {
    const s = await startDeployment(tx, caller.org.id, { stageId: stage.id, revisionId }, caller.actor);
    return { data: s, audit: { targetType: "deployment", targetId: s.deploymentId, after: { stage: s.stage, revision: s.revision } } };
  });
  return Response.json(
    { ...started, links: { self: `/api/v1/deployments/${started.deploymentId}`, events: `/api/v1/deployments/${started.deploymentId}/events` } },
    { status: 202 },
  );
});
