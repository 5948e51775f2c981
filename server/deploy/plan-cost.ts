import "server-only";
import { diffCosts, estimateStackCost, type CostDiff } from "@/lib/cost";
import { analyzeStack, hasErrors, type StackDefinition } from "@/lib/stack";
import { costSettings } from "@/server/cost/settings";
import type { Db } from "@/server/db/types";

// A plan's monthly cost difference: the draft against the revision last deployed to the stage (nothing,
// when the stage never deployed or its stack was deleted), with the stack's saved cost assumptions.

const EMPTY: StackDefinition = { resources: {} };

async function deployedDefinition(client: Db, stageId: string): Promise<StackDefinition> {
  const last = await client.deployment.findFirst({
    where: { stageId, status: { in: ["succeeded", "no_changes"] } },
    orderBy: { createdAt: "desc" },
    select: { operation: true, revision: { select: { yaml: true } } },
  });
  if (!last || last.operation === "destroy") return EMPTY;
  const analyzed = analyzeStack(last.revision.yaml);
  return analyzed.definition && !hasErrors(analyzed.diagnostics) ? analyzed.definition : EMPTY;
}

export async function planCostDiff(client: Db, stack: { id: string }, stageId: string, draft: StackDefinition): Promise<CostDiff> {
  const [before, settings] = await Promise.all([deployedDefinition(client, stageId), costSettings(client, stack.id, draft)]);
  const estimate = (definition: StackDefinition) => estimateStackCost(definition, { region: settings.region, usage: settings.usage, freeTier: settings.freeTier });
  return diffCosts(estimate(before), estimate(draft));
}
