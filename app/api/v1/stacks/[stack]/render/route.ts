import { z } from "zod";
import { db } from "@/server/db/client";
import { readQuery, revisionQuery } from "@/server/http/query";
import { apiRoute } from "@/server/api/api-route";
import { runCompute } from "@/server/compute/pool";
import { apiRevision, findApiStack, findApiStage } from "@/server/api/stacks";
import { REGION_PATTERN } from "@/lib/names";
import { percentDecoded } from "@/server/http/percent-decode";

export const dynamic = "force-dynamic";

const renderQuery = z.object({
  stage: z.string().min(1, "name a stage.").max(100, "a stage name is at most 100 characters.").default("dev"),
  revision: revisionQuery,
  region: z.string().regex(REGION_PATTERN, "must be an AWS region code such as eu-west-1.").optional(),
});

/**
 * GET /api/v1/stacks/{stack}/render?stage=dev[&revision=N][&region=eu-west-1]: the CloudFormation
 * template and diagnostics. The region defaults to the stage's; a stage that does not exist yet
 * needs ?region=. 422 when the revision does not render.
 */
export const GET = apiRoute<{ stack: string }>({ scope: "read", permission: "stack:read", doing: "rendering a stack" }, async (req, caller, params) => {
  const stack = await findApiStack(db(), caller.org.id, percentDecoded(params.stack));
  const query = readQuery(req, renderQuery);
  const stageName = query.stage;
  const region = query.region ?? (await findApiStage(db(), stack.id, stack.name, stageName)).region;
  const revision = await apiRevision(db(), stack.id, stack.name, query.revision);
  const result = await runCompute("renderRevision", [{ yaml: revision.yaml, code: revision.code }, { stackName: stack.name, stage: stageName, region }], {
    organizationId: caller.org.id,
    doing: `Rendering stack "${stack.name}"`,
  });
  return Response.json({ stack: stack.name, stage: stageName, region, revision: revision.number, ...result }, { status: result.template ? 200 : 422 });
});
