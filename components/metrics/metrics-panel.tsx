"use client";
import { useQuery } from "@tanstack/react-query";
import { rangeParams, type TimeRange } from "@/lib/logs/time-range";
import type { MetricsResponse } from "@/lib/metrics/types";
import { RequestError, requestJson } from "@/lib/http/request-json";
import { ErrorText } from "@/components/ui/alert";
import { LineChart } from "./line-chart";
import { METRICS_ANCHOR } from "@/lib/functions/links";

/** CloudWatch metrics of one function over the viewer's range; a chart whose query failed says why in its place. */
export function MetricsPanel({ orgSlug, stageId, functionName, range }: { orgSlug: string; stageId: string; functionName: string; range: TimeRange }) {
  const query = useQuery({
    queryKey: ["metrics", orgSlug, stageId, functionName, range],
    retry: false,
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({ function: functionName, ...rangeParams(range) });
      return requestJson<MetricsResponse>(`/api/orgs/${orgSlug}/stages/${stageId}/metrics?${p}`, { signal });
    },
  });
  return (
    <section id={METRICS_ANCHOR} aria-labelledby="metrics-heading" className="flex flex-col gap-2">
      <h3 id="metrics-heading" className="text-base font-semibold">
        Metrics of {functionName}
        {query.data ? <span className="ml-2 text-sm font-normal text-slate-600">({query.data.periodSeconds / 60}-minute periods)</span> : null}
      </h3>
      {query.isPending ? <p className="text-sm text-slate-600">Loading metrics…</p> : null}
      {query.error ? <ErrorText message={query.error.message} details={query.error instanceof RequestError ? query.error.details : null} /> : null}
      {query.data ? (
        <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {query.data.charts.map((c) =>
            "error" in c ? (
              <figure key={c.title} className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3" aria-label={`${c.title}: not available`}>
                <figcaption className="text-sm font-semibold">{c.title}</figcaption>
                <ErrorText message={c.error.message} details={c.error.details} />
              </figure>
            ) : (
              <LineChart key={c.title} title={c.title} series={c.series} start={query.data.start} end={query.data.end} />
            ),
          )}
        </div>
      ) : null}
    </section>
  );
}
