// Where a deployed function's pages are: its own page, and the logs page pre-filtered to it (where its
// metrics and test invoke also are, under the anchors below). Pure.
import { viewParams } from "@/lib/logs/export";
import { DEFAULT_RANGE } from "@/lib/logs/time-range";

/** Anchors of the logs page's sections for one function. */
export const METRICS_ANCHOR = "metrics";
export const INVOKE_ANCHOR = "test-invoke";

/** `stackPath` is `/<org>/stacks/<stack, encoded>`. */
export function functionPagePath(stackPath: string, stageName: string, functionName: string): string {
  return `${stackPath}/functions/${encodeURIComponent(stageName)}/${encodeURIComponent(functionName)}`;
}

export function functionLinks(stackPath: string, stageId: string, functionName: string) {
  const logs = `${stackPath}/logs?${viewParams({ stage: stageId, fn: functionName, range: DEFAULT_RANGE, filter: "" })}`;
  return { logs, metrics: `${logs}#${METRICS_ANCHOR}`, invoke: `${logs}#${INVOKE_ANCHOR}` };
}
