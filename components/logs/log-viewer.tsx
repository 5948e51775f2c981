"use client";
import { useCallback, useMemo, useState } from "react";
import { lineLinkParams, linesAsJson, linesAsText, viewParams, type ViewState } from "@/lib/logs/export";
import type { LogLine } from "@/lib/logs/types";
import { Button } from "@/components/ui/button";
import { DetailsToggle, ErrorText } from "@/components/ui/alert";
import { LogList } from "./log-list";
import { RequestError } from "@/lib/http/request-json";
import type { useLogPages } from "./use-log-pages";
import { useLiveTail } from "./use-live-tail";

function download(name: string, type: string, body: string) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The lines of a stage or one function: queried pages with "load older", or the live tail. */
export function LogViewer({
  orgSlug,
  view,
  pages,
  live,
  onLive,
  groupCount,
  highlightId,
  onFilter,
  onInvokeWithEvent,
}: {
  orgSlug: string;
  view: ViewState;
  /** The queried pages (the workspace owns the query, so the filter box can show its error). */
  pages: ReturnType<typeof useLogPages>;
  live: boolean;
  onLive(live: boolean): void;
  /** How many log groups the view reads: when none of them exists yet, that is the empty state. */
  groupCount: number;
  highlightId: string | null;
  onFilter(filter: string): void;
  /** Test invoke with a line's logged event; absent when the viewer may not invoke. */
  onInvokeWithEvent?(line: LogLine, payload: string): void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const { query, lines: pageLines, missing } = pages;
  const tailUrl = useMemo(() => {
    if (!live) return null;
    const p = new URLSearchParams();
    if (view.fn) p.set("function", view.fn);
    if (view.filter) p.set("filter", view.filter);
    return `/api/orgs/${orgSlug}/stages/${view.stage}/logs/tail?${p}`;
  }, [live, orgSlug, view.fn, view.filter, view.stage]);
  const tail = useLiveTail(tailUrl);
  const lines = live ? tail.buffer.lines : pageLines;

  const linkTo = useCallback((params: URLSearchParams) => `${window.location.origin}${window.location.pathname}?${params}`, []);
  const actions = useMemo(
    () => ({
      onRequestId: (requestId: string) => onFilter(`"${requestId}"`),
      onCopyLink: async (line: LogLine) => {
        const url = linkTo(lineLinkParams(view, line));
        setNotice((await copy(url)) ? `Link copied: ${url}` : `Link: ${url}`);
      },
      onInvokeWithEvent,
    }),
    [linkTo, onFilter, onInvokeWithEvent, view],
  );

  const error = query.error instanceof RequestError ? query.error : query.error ? new RequestError(String(query.error), 500) : null;
  const fileBase = `logs-${view.fn ?? "all"}-${new Date().toISOString().replace(/[:.]/g, "-")}`;

  return (
    <section aria-labelledby="log-lines" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="log-lines" className="mr-auto text-base font-semibold">
          Lines{" "}
          <span className="font-normal text-slate-600">
            ({lines.length.toLocaleString("en")}
            {live ? "" : ", newest first"})
          </span>
        </h3>
        <Button variant={live ? "primary" : "secondary"} aria-pressed={live} onClick={() => onLive(!live)}>
          {live ? "Stop live tail" : "Live tail"}
        </Button>
        {live ? (
          tail.buffer.paused ? (
            <Button variant="secondary" onClick={tail.resume}>
              Resume ({tail.buffer.pending.length.toLocaleString("en")} waiting)
            </Button>
          ) : (
            <Button variant="secondary" onClick={tail.pause}>
              Pause
            </Button>
          )
        ) : null}
        <Button variant="secondary" disabled={lines.length === 0} onClick={() => download(`${fileBase}.txt`, "text/plain", linesAsText(lines))}>
          Download text
        </Button>
        <Button variant="secondary" disabled={lines.length === 0} onClick={() => download(`${fileBase}.json`, "application/json", linesAsJson(lines))}>
          Download JSON
        </Button>
        <Button
          variant="ghost"
          onClick={async () => {
            const url = linkTo(viewParams(view));
            setNotice((await copy(url)) ? `Link copied: ${url}` : `Link: ${url}`);
          }}
        >
          Copy link to this range
        </Button>
      </div>
      {notice ? (
        <p role="status" className="text-xs break-all text-slate-600">
          {notice}
        </p>
      ) : null}
      {live ? (
        <div role="status" aria-live="polite" className="flex flex-wrap gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
          <span>
            {tail.status.mode === "connecting"
              ? "Connecting the live tail…"
              : tail.status.mode === "live"
                ? "Live: streaming with CloudWatch Logs StartLiveTail."
                : "Live tail unavailable here: polling FilterLogEvents every second."}
          </span>
          {tail.status.reason ? <span className="text-slate-600">{tail.status.reason}</span> : null}
          <DetailsToggle details={tail.status.reasonDetails} />
          {tail.status.session ? <span className="text-slate-600">{tail.status.session}</span> : null}
          {tail.buffer.dropped > 0 ? <span className="font-medium text-amber-800">{tail.buffer.dropped.toLocaleString("en")} lines dropped</span> : null}
        </div>
      ) : null}
      {live && tail.status.ended ? <ErrorText message={tail.status.ended} details={tail.status.endedDetails} /> : null}
      {!live && error && !error.fieldErrors.filter ? <ErrorText message={error.message} details={error.details} /> : null}
      {!live && !error && query.isSuccess && lines.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          {missing.length >= groupCount
            ? `No log group yet (${missing.join(", ")}): the function has not been invoked since it was deployed. Invoke it and its lines appear here.`
            : "No lines in this range match. Widen the range or change the filter."}
        </p>
      ) : null}
      {lines.length > 0 || live ? <LogList lines={lines} showFunction={view.fn === null} highlightId={highlightId} follow={live && !tail.buffer.paused} actions={actions} /> : null}
      {!live && query.hasNextPage ? (
        <Button variant="secondary" className="self-start" disabled={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
          {query.isFetchingNextPage ? "Loading older lines…" : "Load older"}
        </Button>
      ) : null}
      {!live && query.isPending ? <p className="text-sm text-slate-600">Loading lines…</p> : null}
    </section>
  );
}
