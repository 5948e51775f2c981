import { z } from "zod";
import { db } from "@/server/db/client";
import { apiRoute, audited, readJson } from "@/server/api/api-route";
import { findApiStack } from "@/server/api/stacks";
import { planStage } from "@/server/deploy/plan";
import { checkDefinition } from "@/server/stacks/revisions";
import { codeFiles, definitionYaml } from "@/server/stacks/size-limits";
import { percentDecoded } from "@/server/http/percent-decode";

export const dynamic = "force-dynamic";

// The same bounds as saving a revision (8 MB body, 1 MB definition, 1 MB per handler file); readJson
// puts the field name in front of each message.
const body = z.object({
  stage: z.string("give the stage to plan for, e.g. dev").min(1, "name the stage to plan for"),
  yaml: definitionYaml(z.string("give the stack definition as a YAML string").min(1, "the definition is empty")),
  code: codeFiles().default({}),
});

/**
 * POST /api/v1/stacks/{stack}/plan {"stage":"dev","yaml":"...","code":{...}}: what deploying this draft
 * (not saved as a revision) to the stage would change, from a CloudFormation change set that is
 * created, described and deleted, never executed; with the monthly cost difference.
 */
export const POST = apiRoute<{ stack: string }>({ scope: "plan", permission: "deploy:plan", doing: "planning a deploy" }, async (req, caller, params) => {
  const stack = await findApiStack(db(), caller.org.id, percentDecoded(params.stack));
  const input = await readJson(req, body);
  const definition = await checkDefinition(caller.org.id, stack.name, input.yaml);
  const plan = await planStage(db(), { ...stack, organizationId: caller.org.id }, input.stage, { yaml: input.yaml, definition, code: input.code });
  await audited(caller, "stack.plan", async () => ({
    data: null,
    audit: { targetType: "stack", targetId: stack.id, after: { stage: plan.stage, counts: plan.counts, costDelta: plan.cost.ok ? plan.cost.diff.delta : null } },
  }));
  return Response.json(plan);
});
