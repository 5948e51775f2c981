"use client";
import { memo, useMemo, useState } from "react";
import type { LogLevel, LogLine } from "@/lib/logs/types";
import { loggedEvent } from "@/lib/logs/logged-event";

const LEVEL_STYLE: Record<LogLevel, string> = {
  error: "border-l-red-600 bg-red-50 text-red-900",
  warn: "border-l-amber-500 bg-amber-50 text-amber-950",
  info: "border-l-sky-500 text-slate-900",
  debug: "border-l-slate-300 text-slate-700",
  trace: "border-l-slate-200 text-slate-700",
};

const time = (ms: number) => new Date(ms).toISOString().slice(11, 23);

function prettyJson(line: LogLine): string | null {
  if (line.jsonOffset === null) return null;
  try {
    return JSON.stringify(JSON.parse(line.message.slice(line.jsonOffset)), null, 2);
  } catch {
    return null;
  }
}

export interface RowActions {
  onRequestId(requestId: string): void;
  onCopyLink(line: LogLine): void;
  /** Opens test invoke of the line's function with the event it logged; absent when the viewer may not invoke. */
  onInvokeWithEvent?(line: LogLine, payload: string): void;
}

/** Longer lines are cut at the row's width until expanded: one-line rows keep the list's row heights known. */
const LONG = 100;

/** One log line: level colour, time, function, message; REPORT numbers; collapsible JSON. */
export const LogRow = memo(function LogRow({ line, showFunction, highlighted, actions }: { line: LogLine; showFunction: boolean; highlighted: boolean; actions: RowActions }) {
  const [expanded, setExpanded] = useState(false);
  const event = useMemo(() => (actions.onInvokeWithEvent && !line.report ? loggedEvent(line.message) : null), [actions.onInvokeWithEvent, line]);
  const json = expanded ? prettyJson(line) : null;
  const r = line.report;
  const text = r ? `REPORT RequestId: ${r.requestId}` : line.message.replace(/\n+$/, "");
  const expandable = line.jsonOffset !== null || (!r && (text.length > LONG || text.includes("\n")));
  return (
    <div
      className={`border-l-4 px-2 py-0.5 font-mono text-xs ${line.level ? LEVEL_STYLE[line.level] : "border-l-transparent text-slate-900"} ${highlighted ? "ring-2 ring-indigo-500" : ""}`}
      aria-current={highlighted ? "true" : undefined}
    >
      <div className="flex items-start gap-2">
        <time dateTime={new Date(line.timestamp).toISOString()} className="shrink-0 text-slate-700">
          {time(line.timestamp)}
        </time>
        {showFunction ? <span className="shrink-0 font-semibold text-indigo-800">{line.functionName}</span> : null}
        {line.level ? <span className="shrink-0 uppercase">{line.level}</span> : null}
        <span className={`min-w-0 flex-1 ${expanded && !json ? "break-all whitespace-pre-wrap" : "truncate"}`}>{text}</span>
        {r ? (
          <dl className="flex shrink-0 gap-x-3 text-slate-700" aria-label="Invocation report">
            <div className="flex gap-1"><dt>Duration</dt><dd>{r.durationMs} ms</dd></div>
            <div className="flex gap-1"><dt>Billed</dt><dd>{r.billedDurationMs} ms</dd></div>
            <div className="flex gap-1"><dt>Memory used</dt><dd>{r.maxMemoryUsedMb} / {r.memorySizeMb} MB</dd></div>
            {r.initDurationMs !== undefined ? <div className="flex gap-1"><dt>Init</dt><dd>{r.initDurationMs} ms</dd></div> : null}
          </dl>
        ) : null}
        {expandable ? (
          <button type="button" className="shrink-0 text-indigo-700 underline" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
            {line.jsonOffset !== null ? (expanded ? "Collapse JSON" : "Expand JSON") : expanded ? "Show less" : "Show all"}
          </button>
        ) : null}
        {event ? (
          <button type="button" className="shrink-0 text-indigo-700 underline" onClick={() => actions.onInvokeWithEvent?.(line, event)}>
            Invoke with this event
          </button>
        ) : null}
        {line.requestId ? (
          <button type="button" className="shrink-0 text-indigo-700 underline" title="Show this invocation's lines" onClick={() => actions.onRequestId(line.requestId!)}>
            {line.requestId.slice(0, 8)}
          </button>
        ) : null}
        <button type="button" className="shrink-0 text-slate-700 hover:text-indigo-700" aria-label={`Copy link to the line at ${time(line.timestamp)}`} onClick={() => actions.onCopyLink(line)}>
          #
        </button>
      </div>
      {json ? <pre className="mt-1 ml-24 overflow-x-auto rounded bg-slate-100 p-2 text-slate-900">{json}</pre> : null}
    </div>
  );
});
