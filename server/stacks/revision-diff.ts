import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db/types";
import { runCompute } from "@/server/compute/pool";
import { locateCode } from "@/server/package/code-locations";
import { renderStack, serializeTemplate } from "@/server/render";
import { formatDiagnostic, hasErrors, parseStack, type StackDefinition } from "@/lib/stack";
import { diffText, type TextDiff } from "@/lib/text-diff";
import { movedNodes, storedCanvasPositions, type CanvasPositions } from "@/lib/canvas/positions";
import { diffCosts, estimateStackCost, isPricedRegion, PRICED_REGIONS, type CostDiff, type PricedRegion } from "@/lib/cost";
import type { RevisionCode } from "./revisions";

// The difference between any two revisions of a stack: the YAML, the handler code, the rendered
// CloudFormation template, the monthly cost estimate and the canvas layout. The comparison itself is pure.

export interface RevisionSnapshot {
  number: number;
  yaml: string;
  code: RevisionCode;
  /** Where the nodes were placed on the editor's canvas; none is the automatic layout. */
  canvasPositions?: CanvasPositions;
}

export interface FileDiff {
  path: string;
  change: "added" | "removed" | "changed";
  diff: TextDiff;
}

export interface RevisionDiff {
  from: number;
  to: number;
  region: PricedRegion;
  stage: string;
  yaml: TextDiff;
  code: FileDiff[];
  template: TextDiff;
  cost: { ok: true; diff: CostDiff } | { ok: false; problem: string };
  /** The resources placed differently on the canvas (positions are stored beside the YAML, not in it). */
  moved: string[];
  /** Whether only nodes moved: the same YAML and handler code. */
  layoutOnly: boolean;
}

export interface DiffOptions {
  stackName: string;
  region: PricedRegion;
  /** The stage the templates are rendered for (physical names include it). */
  stage: string;
}

function diffCode(before: RevisionCode, after: RevisionCode): FileDiff[] {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const files: FileDiff[] = [];
  for (const path of paths) {
    const old = Object.hasOwn(before, path) ? before[path] : undefined;
    const next = Object.hasOwn(after, path) ? after[path] : undefined;
    if (old === next) continue;
    files.push({ path, change: old === undefined ? "added" : next === undefined ? "removed" : "changed", diff: diffText(old ?? "", next ?? "") });
  }
  return files;
}

type Side = { ok: true; definition: StackDefinition; template: string } | { ok: false; problem: string; definition?: StackDefinition };

/**
 * The template as a deploy of the revision would name its code (code-locations.ts), so a handler
 * change shows up as the S3 key it changes; code that cannot be packaged gets the unpackaged key.
 */
async function renderSide(revision: RevisionSnapshot, options: DiffOptions): Promise<Side> {
  const parsed = parseStack(revision.yaml);
  if (!parsed.definition) return { ok: false, problem: `revision ${revision.number} does not parse: ${formatDiagnostic(parsed.diagnostics[0])}` };
  const { artifacts } = await locateCode(parsed.definition, revision.code, { region: options.region, tolerateUnpackaged: true });
  const rendered = renderStack(parsed.definition, { stackName: options.stackName, stage: options.stage, region: options.region, artifacts });
  if (hasErrors(rendered.diagnostics)) {
    const first = rendered.diagnostics.find((d) => d.severity === "error")!;
    return { ok: false, definition: parsed.definition, problem: `revision ${revision.number} does not render: ${formatDiagnostic(first)}` };
  }
  return { ok: true, definition: parsed.definition, template: serializeTemplate(rendered.template) };
}

export async function diffRevisions(from: RevisionSnapshot, to: RevisionSnapshot, options: DiffOptions): Promise<RevisionDiff> {
  const [before, after] = await Promise.all([renderSide(from, options), renderSide(to, options)]);
  const problem = [before, after].find((s): s is Extract<Side, { ok: false }> => !s.ok)?.problem;
  const estimate = (d: StackDefinition) => estimateStackCost(d, { region: options.region });
  const yaml = diffText(from.yaml, to.yaml);
  const code = diffCode(from.code, to.code);
  const moved = movedNodes(from.canvasPositions ?? {}, to.canvasPositions ?? {});
  return {
    from: from.number,
    to: to.number,
    region: options.region,
    stage: options.stage,
    yaml,
    code,
    template: before.ok && after.ok ? diffText(before.template, after.template) : { ok: false, problem: problem! },
    cost:
      before.definition && after.definition
        ? { ok: true, diff: diffCosts(estimate(before.definition), estimate(after.definition)) }
        : { ok: false, problem: problem! },
    moved,
    layoutOnly: moved.length > 0 && yaml.ok && yaml.hunks.length === 0 && code.length === 0,
  };
}

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
