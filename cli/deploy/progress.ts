// How the CLI shows a deployment: one line per timeline event and a progress bar over the
// pipeline's statuses. Pure.
import type { StreamedEvent } from "@/lib/deploy/timeline";

/** As the server streams it. */
export type TimelineEvent = StreamedEvent;

const DEPLOY_STEPS = ["queued", "packaging", "uploading", "creating_change_set", "executing"];
const DESTROY_STEPS = ["queued", "executing"];
const DONE = new Set(["succeeded", "no_changes", "failed", "rolled_back", "cancelled"]);
export const SUCCEEDED = new Set(["succeeded", "no_changes"]);
const BAR_WIDTH = 20;

export function isFinished(status: string): boolean {
  return DONE.has(status);
}

/** "[########------------] 2/5 uploading": the steps done so far; a finished deployment fills the bar. */
export function progressBar(status: string, operation: "deploy" | "destroy" = "deploy"): string {
  const steps = operation === "destroy" ? DESTROY_STEPS : DEPLOY_STEPS;
  const waiting = status === "awaiting_approval";
  const index = waiting ? steps.indexOf("creating_change_set") + 1 : steps.indexOf(status);
  const done = DONE.has(status) ? steps.length : Math.max(index, 0);
  const filled = Math.round((done / steps.length) * BAR_WIDTH);
  const label = waiting ? "awaiting approval" : status.replace(/_/g, " ");
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${done}/${steps.length} ${label}`;
}

const time = (iso: string) => iso.slice(11, 19);

/** One event as a terminal line: time, what, and why. */
export function eventLine(e: TimelineEvent): string {
  const what =
    e.kind === "status"
      ? `status ${e.status}`
      : e.kind === "resource"
        ? `${e.logicalId ?? "?"} ${e.resourceType ? `(${e.resourceType}) ` : ""}${e.status ?? ""}`.trim()
        : [e.kind, e.logicalId, e.status].filter(Boolean).join(" ");
  return `${time(e.at)}  ${what}${e.reason ? ` — ${e.reason}` : ""}`;
}
