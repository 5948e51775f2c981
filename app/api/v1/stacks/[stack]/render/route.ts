import { db } from "@/server/db/client";
import { ActionError } from "@/server/auth/errors";
import { apiRoute } from "@/server/api/api-route";
import { runCompute } from "@/server/compute/pool";
import { apiRevision, findApiStack, findApiStage } from "@/server/api/stacks";
import { regionSchema } from "@/lib/names";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/stacks/{stack}/render?stage=dev[&revision=N][&region=eu-west-1]: the CloudFormation
 * template and diagnostics. The region defaults to the stage's; a stage that does not exist yet
 * needs ?region=. 422 when the revision does not render.
 */
export const GET = apiRoute<{ stack: string }>({ scope: "read", permission: "stack:read", doing: "rendering a stack" }, async (req, caller, params) => {
  const stack = await findApiStack(db(), caller.org.id, decodeURIComponent(params.stack));
  const query = new URL(req.url).searchParams;
  const stageName = query.get("stage") ?? "dev";
  const rawRevision = query.get("revision");
  if (rawRevision !== null && !/^\d{1,9}$/.test(rawRevision)) throw new ActionError(400, `revision: '${rawRevision}' is not a revision number.`);
  const region = query.get("region") ?? (await findApiStage(db(), stack.id, stack.name, stageName)).region;
  if (!regionSchema.safeParse(region).success) throw new ActionError(400, `region: '${region}' is not an AWS region code such as eu-west-1.`);
  const revision = await apiRevision(db(), stack.id, stack.name, rawRevision === null ? undefined : Number(rawRevision));
  const result = await runCompute("renderRevision", [{ yaml: revision.yaml, code: revision.code }, { stackName: stack.name, stage: stageName, region }], {
    organizationId: caller.org.id,
    doing: `Rendering stack "${stack.name}"`,
  });
  return Response.json({ stack: stack.name, stage: stageName, region, revision: revision.number, ...result }, { status: result.template ? 200 : 422 });
});
