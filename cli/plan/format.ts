// How `lambdaplane plan` prints a plan: a terminal listing, or a Markdown block for a pull-request
// comment. Pure.
import { formatMonthlyDelta, formatUsd } from "@/lib/cost";
import type { ResourceChange } from "@/server/deploy/change-set";
import type { Plan } from "@/server/deploy/plan";

const SIGNS: Record<ResourceChange["action"], string> = { add: "+", modify: "~", remove: "-", import: "<", dynamic: "?" };

export const hasChanges = (plan: Plan) => plan.changes.length > 0;

function countsLine(plan: Plan): string {
  const { add, modify, remove, replace } = plan.counts;
  return `${add} to add, ${modify} to modify${replace ? ` (${replace} replaced)` : ""}, ${remove} to remove`;
}

const replacementLabel = (c: ResourceChange) =>
  c.replacement === "yes" ? "replaced" : c.replacement === "conditional" ? "may be replaced" : c.replacement === "no" ? "in place" : "";

// The server lists only the resources whose cost changes.
const costChanges = (plan: Plan) => (plan.cost.ok ? plan.cost.diff.resources : []);

function costLine(plan: Plan): string {
  if (!plan.cost.ok) return `not estimated: ${plan.cost.reason}`;
  const { before, after, delta } = plan.cost.diff;
  return `${formatUsd(before)} -> ${formatUsd(after)} a month (${formatMonthlyDelta(delta)}, ${plan.cost.region} prices)`;
}

export function formatPlanText(plan: Plan): string {
  const lines = [`Plan for ${plan.stack} to ${plan.stage} (CloudFormation stack ${plan.cloudFormationStackName}, ${plan.changeSetType})`];
  if (!hasChanges(plan)) lines.push("No changes: the stack is already up to date.");
  else {
    lines.push(`${countsLine(plan)}:`);
    const idWidth = Math.max(...plan.changes.map((c) => c.logicalId.length));
    const typeWidth = Math.max(...plan.changes.map((c) => c.resourceType.length));
    for (const c of plan.changes) {
      const details = [replacementLabel(c), c.changed.length ? `changes ${c.changed.join(", ")}` : ""].filter(Boolean).join("; ");
      lines.push(`  ${SIGNS[c.action]} ${c.logicalId.padEnd(idWidth)}  ${c.resourceType.padEnd(typeWidth)}${details ? `  ${details}` : ""}`.trimEnd());
    }
  }
  lines.push(`Monthly cost: ${costLine(plan)}`);
  for (const r of costChanges(plan)) lines.push(`  ${r.resource}: ${formatUsd(r.before)} -> ${formatUsd(r.after)} (${formatMonthlyDelta(r.delta)})`);
  return `${lines.join("\n")}\n`;
}

/** Table cells: a pipe would end the cell, a newline the row. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const code = (text: string) => (text ? `\`${cell(text)}\`` : "");

export function formatPlanMarkdown(plan: Plan): string {
  const lines = [
    `### Lambdaplane plan: \`${cell(plan.stack)}\` to \`${cell(plan.stage)}\``,
    "",
    `${hasChanges(plan) ? `**${countsLine(plan)}**` : "**No changes**"} in CloudFormation stack \`${cell(plan.cloudFormationStackName)}\` (${plan.changeSetType})`,
  ];
  if (hasChanges(plan)) {
    lines.push("", "| Action | Resource | Type | Replacement | Changed properties |", "| --- | --- | --- | --- | --- |");
    for (const c of plan.changes) {
      lines.push(`| ${c.action} | ${code(c.logicalId)} | ${code(c.resourceType)} | ${replacementLabel(c)} | ${c.changed.map(code).join(", ")} |`);
    }
  }
  lines.push("", `**Monthly cost:** ${costLine(plan)}`);
  const changed = costChanges(plan);
  if (changed.length) {
    lines.push("", "| Resource | Before | After | Change |", "| --- | ---: | ---: | ---: |");
    for (const r of changed) lines.push(`| ${code(r.resource)} | ${formatUsd(r.before)} | ${formatUsd(r.after)} | ${formatMonthlyDelta(r.delta)} |`);
  }
  return `${lines.join("\n")}\n`;
}
