import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db/types";
import { runCompute } from "@/server/compute/pool";
import { storedCanvasPositions } from "@/lib/canvas/positions";
import { isPricedRegion, PRICED_REGIONS, type PricedRegion } from "@/lib/cost";
import type { RevisionCode } from "./revision-code";
import type { RevisionDiff } from "./revision-diff";

// The revisions page's comparison: which two revisions its query asks for, loaded from the database
// and diffed (revision-diff.ts) in the compute pool.

/** ?from=&to=&region= of the revisions page; missing or bad values fall back to the latest two and us-east-1. */
export const compareQuerySchema = z.object({
  from: z.coerce.number().int().min(1).optional().catch(undefined),
  to: z.coerce.number().int().min(1).optional().catch(undefined),
  region: z
    .string()
    .refine(isPricedRegion)
    .catch(PRICED_REGIONS[0])
    .default(PRICED_REGIONS[0])
    .transform((r) => r as PricedRegion),
});
export type CompareQuery = z.infer<typeof compareQuerySchema>;

/** The pair to compare: the requested one, else the latest revision and the one before it. */
export function comparePair(query: CompareQuery, numbers: readonly number[]): { from: number; to: number } | null {
  const latest = Math.max(...numbers);
  const to = query.to !== undefined && numbers.includes(query.to) ? query.to : latest;
  const from = query.from !== undefined && numbers.includes(query.from) ? query.from : [...numbers].filter((n) => n < to).sort((a, b) => b - a)[0];
  return numbers.length >= 2 && from !== undefined ? { from, to } : null;
}

/** Loads two revisions of a stack in the organization and compares them; null when one does not exist. */
export async function loadRevisionDiff(
  client: Db,
  organizationId: string,
  stack: { id: string; name: string },
  pair: { from: number; to: number },
  region: PricedRegion,
): Promise<RevisionDiff | null> {
  const rows = await client.stackRevision.findMany({
    where: { stack: { id: stack.id, organizationId }, number: { in: [pair.from, pair.to] } },
    select: { number: true, yaml: true, code: true, canvasPositions: true },
  });
  const snapshot = (n: number) => {
    const row = rows.find((r) => r.number === n);
    return row ? { number: row.number, yaml: row.yaml, code: row.code as RevisionCode, canvasPositions: storedCanvasPositions(row.canvasPositions) } : null;
  };
  const from = snapshot(pair.from);
  const to = snapshot(pair.to);
  if (!from || !to) return null;
  return runCompute("diffRevisions", [from, to, { stackName: stack.name, region, stage: "dev" }], { organizationId, doing: `Comparing revisions of stack "${stack.name}"` });
}
