// Downloads and shareable links of the log viewer. Pure.
import { rangeParams, type TimeRange } from "./time-range";
import type { LogLine } from "./types";

export function linesAsText(lines: LogLine[]): string {
  return lines.map((l) => `${new Date(l.timestamp).toISOString()}\t${l.functionName}\t${l.message.replace(/\n+$/, "")}`).join("\n") + (lines.length ? "\n" : "");
}

export function linesAsJson(lines: LogLine[]): string {
  return JSON.stringify(
    lines.map((l) => ({ timestamp: new Date(l.timestamp).toISOString(), function: l.functionName, logStream: l.logStream, requestId: l.requestId, level: l.level, message: l.message, ...(l.report ? { report: l.report } : {}) })),
    null,
    2,
  );
}

export interface ViewState {
  stage: string;
  fn: string | null;
  range: TimeRange;
  filter: string;
}

export function viewParams(view: ViewState): URLSearchParams {
  const p = new URLSearchParams({ stage: view.stage });
  if (view.fn) p.set("function", view.fn);
  for (const [k, v] of Object.entries(rangeParams(view.range))) p.set(k, v);
  if (view.filter) p.set("filter", view.filter);
  return p;
}

/** A link to one line: the minute around it, with the line to scroll to and highlight. */
export function lineLinkParams(view: ViewState, line: LogLine): URLSearchParams {
  const p = viewParams({ ...view, fn: line.functionName, range: { kind: "absolute", start: line.timestamp - 30_000, end: line.timestamp + 30_000 } });
  p.set("line", line.id);
  return p;
}
