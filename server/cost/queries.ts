import "server-only";
import type { StackDefinition } from "@/lib/stack";
import type { Db } from "@/server/db/types";
import { revisionDefinition } from "@/server/stacks/revision-reads";
import { costSettings, type CostSettings } from "./settings";

export interface CostRevision {
  number: number;
  /** Null when the stored YAML no longer parses (it was saved by an older version). */
  definition: StackDefinition | null;
}

export interface StackCostView {
  latest: CostRevision | null;
  previous: CostRevision | null;
  settings: CostSettings;
}

/** What the Costs page estimates: the latest revision, the one before it, and the saved usage assumptions. */
export async function stackCostView(client: Db, stackId: string): Promise<StackCostView> {
  const rows = await client.stackRevision.findMany({
    where: { stackId },
    orderBy: { number: "desc" },
    take: 2,
    select: { id: true, number: true, yaml: true, stack: { select: { organizationId: true } } },
  });
  const [latest, previous] = await Promise.all(rows.map(async (r) => ({ number: r.number, definition: await revisionDefinition(r, r.stack.organizationId) })));
  const settings = await costSettings(client, stackId, latest?.definition ?? null);
  return { latest: latest ?? null, previous: previous ?? null, settings };
}

export { stackActualUsage, type StageActualUsage, type FunctionActualUsage } from "./actual-usage";
