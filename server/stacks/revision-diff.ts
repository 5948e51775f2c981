import "server-only";
import { locateCode } from "@/server/package/code-locations";
import { renderStack, serializeTemplate } from "@/server/render";
import { formatDiagnostic, hasErrors, parseStack, type StackDefinition } from "@/lib/stack";
import { diffText, type TextDiff } from "@/lib/text-diff";
import { movedNodes, type CanvasPositions } from "@/lib/canvas/positions";
import { diffCosts, estimateStackCost, type CostDiff, type PricedRegion } from "@/lib/cost";
import type { RevisionCode } from "./revision-code";

// The difference between any two revisions of a stack: the YAML, the handler code, the rendered
// CloudFormation template, the monthly cost estimate and the canvas layout. Pure: a compute task
// (server/compute/tasks.ts), so nothing here touches the database; compare-revisions.ts loads the pair.

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
