"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useId, useMemo, useState } from "react";
import { viewParams, type ViewState } from "@/lib/logs/export";
import { filterPatternError } from "@/lib/logs/filter-pattern";
import { parseTimeRange, DEFAULT_RANGE } from "@/lib/logs/time-range";
import type { LogLine, LogTarget } from "@/lib/logs/types";
import { functionPagePath } from "@/lib/functions/links";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { FilterHelp } from "./filter-help";
import { LogViewer } from "./log-viewer";
import { RequestError } from "@/lib/http/request-json";
import { useLogPages } from "./use-log-pages";
import { TimeRangePicker } from "./time-range-picker";
import { InvokePanel, type TemplateOption } from "@/components/invoke/invoke-panel";
import { MetricsPanel } from "@/components/metrics/metrics-panel";
import type { SavedPayloadView } from "@/server/invoke/saved-payloads";

export interface StageOption {
  id: string;
  name: string;
  region: string;
  deployed: boolean;
  functions: LogTarget[];
}

/** Stage, function, range and filter live in the URL, so every view is a link. */
export function LogsWorkspace({
  orgSlug,
  stackId,
  stackPath,
  stages,
  templates,
  savedPayloads,
  canInvoke,
}: {
  orgSlug: string;
  stackId: string;
  /** `/<org>/stacks/<stack>`, for the link to the chosen function's page. */
  stackPath: string;
  stages: StageOption[];
  /** Event templates per region (their ARNs name the stage's region). */
  templates: Record<string, TemplateOption[]>;
  savedPayloads: SavedPayloadView[];
  canInvoke: boolean;
}) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();

  const stage = stages.find((s) => s.id === params.get("stage")) ?? stages.find((s) => s.deployed) ?? stages[0];
  const fnName = params.get("function");
  const fn = stage?.functions.find((f) => f.name === fnName) ?? null;
  const parsedRange = parseTimeRange(params);
  const range = parsedRange.ok ? parsedRange.range : DEFAULT_RANGE;
  const filter = params.get("filter") ?? "";
  const [draft, setDraft] = useState(filter);
  const [lastFilter, setLastFilter] = useState(filter);
  if (filter !== lastFilter) {
    // The URL changed the filter (a request id was clicked, or back/forward): show it in the box.
    setLastFilter(filter);
    setDraft(filter);
  }

  const [live, setLive] = useState(false);
  // "Invoke with this event": the payload goes to the invoke panel on this page in memory, never in
  // the URL (an event may be 256 KB); `seq` opens the panel afresh for every click.
  const [invokeWith, setInvokeWith] = useState<{ fn: string; payload: string; seq: number } | null>(null);
  // A pattern CloudWatch would refuse is explained at the field and never sent (moto would accept it and match nothing).
  const patternError = useMemo(() => filterPatternError(filter) ?? null, [filter]);
  const pages = useLogPages({ orgSlug, stageId: stage?.id ?? "", fn: fn?.name ?? null, range, filter }, !live && !patternError && stage?.deployed === true);
  const filterError = patternError ?? (pages.query.error instanceof RequestError ? (pages.query.error.fieldErrors.filter ?? null) : null);

  const view: ViewState | null = useMemo(() => (stage ? { stage: stage.id, fn: fn?.name ?? null, range, filter } : null), [stage, fn, range, filter]);
  const go = useCallback(
    (next: Partial<ViewState>) => {
      if (!view) return;
      router.push(`${pathname}?${viewParams({ ...view, ...next })}`, { scroll: false });
    },
    [pathname, router, view],
  );

  const invokeWithEvent = useCallback(
    (line: LogLine, payload: string) => {
      setInvokeWith((prev) => ({ fn: line.functionName, payload, seq: (prev?.seq ?? 0) + 1 }));
      if (fn?.name !== line.functionName) go({ fn: line.functionName });
    },
    [fn, go],
  );
  const seeded = invokeWith && fn && invokeWith.fn === fn.name ? invokeWith : null;

  if (!stage || !view) {
    return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">This stack has no stages yet. Add a stage and deploy it to read its logs.</p>;
  }

  return (
    <div className="flex flex-col gap-4">
      <form
        aria-label="Log query"
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          go({ filter: draft.trim() });
        }}
      >
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm font-medium text-slate-700" htmlFor={`${id}-stage`}>
            Stage
            <select id={`${id}-stage`} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal" value={stage.id} onChange={(e) => go({ stage: e.target.value, fn: null })}>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.region}){s.deployed ? "" : ", not deployed"}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm font-medium text-slate-700" htmlFor={`${id}-fn`}>
            Function
            <select id={`${id}-fn`} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal" value={fn?.name ?? ""} onChange={(e) => go({ fn: e.target.value || null })}>
              <option value="">All functions (merged)</option>
              {stage.functions.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          {fn && stage.deployed ? (
            <Link href={functionPagePath(stackPath, stage.name, fn.name)} className="pb-2 text-sm text-indigo-700 hover:underline">
              Function page
            </Link>
          ) : null}
          <TimeRangePicker key={JSON.stringify(range)} value={range} shown={pages.timeWindow} onChange={(r) => go({ range: r })} />
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex min-w-72 flex-1 flex-col text-sm font-medium text-slate-700" htmlFor={`${id}-filter`}>
            Filter pattern
            <input
              id={`${id}-filter`}
              className="rounded-md border border-slate-300 px-3 py-1.5 font-mono text-sm font-normal"
              value={draft}
              aria-invalid={filterError ? true : undefined}
              aria-describedby={filterError ? `${id}-filter-error` : undefined}
              placeholder='ERROR, ?ERROR ?WARN, -healthcheck, { $.level = "error" }'
              onChange={(e) => setDraft(e.target.value)}
            />
          </label>
          <Button type="submit">Search</Button>
          {filter ? (
            <Button type="button" variant="ghost" onClick={() => go({ filter: "" })}>
              Clear filter
            </Button>
          ) : null}
        </div>
        {filterError ? (
          <p id={`${id}-filter-error`} role="alert" className="text-sm text-red-600">
            {filterError}
          </p>
        ) : null}
        <FilterHelp onUse={(p) => go({ filter: p })} />
        {!parsedRange.ok ? <ErrorText message={`The link's time range is not valid (${parsedRange.message}); showing the last hour.`} /> : null}
      </form>

      {stage.deployed ? (
        <>
          {patternError ? (
            <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">No lines are read until the filter pattern is fixed or cleared.</p>
          ) : (
            <LogViewer orgSlug={orgSlug} view={view} pages={pages} live={live} onLive={setLive} groupCount={fn ? 1 : stage.functions.length} highlightId={params.get("line")} onFilter={(f) => go({ filter: f })} onInvokeWithEvent={canInvoke ? invokeWithEvent : undefined} />
          )}
          {fn ? (
            <>
              <InvokePanel
                key={`${stage.id}/${fn.name}/${seeded?.seq ?? 0}`}
                orgSlug={orgSlug}
                stackId={stackId}
                stageId={stage.id}
                functionName={fn.name}
                templates={templates[stage.region] ?? []}
                saved={savedPayloads}
                canInvoke={canInvoke}
                initialPayload={seeded?.payload}
              />
              <MetricsPanel orgSlug={orgSlug} stageId={stage.id} functionName={fn.name} range={range} />
            </>
          ) : (
            <p className="text-sm text-slate-600">Choose one function to test-invoke it and chart its metrics.</p>
          )}
        </>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          The stage {stage.name} has not been deployed yet. Deploy it, then its functions&apos; logs appear here.
        </p>
      )}
    </div>
  );
}
