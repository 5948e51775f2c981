"use client";
import { useQuery } from "@tanstack/react-query";
import { rangeParams, type TimeRange } from "@/lib/logs/time-range";
import type { MetricsResponse } from "@/lib/metrics/types";
import { ErrorText } from "@/components/ui/alert";
import { getJson } from "@/components/logs/use-log-pages";
import { LineChart } from "./line-chart";

/** CloudWatch metrics of one function over the viewer's range. */
export function MetricsPanel({ orgSlug, stageId, functionName, range }: { orgSlug: string; stageId: string; functionName: string; range: TimeRange }) {
  const query = useQuery({
    queryKey: ["metrics", orgSlug, stageId, functionName, range],
    retry: false,
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({ function: functionName, ...rangeParams(range) });
      return getJson<MetricsResponse>(`/api/orgs/${orgSlug}/stages/${stageId}/metrics?${p}`, signal);
    },
  });
  return (
    <section aria-labelledby="metrics-heading" className="flex flex-col gap-2">
      <h3 id="metrics-heading" className="text-base font-semibold">
        Metrics of {functionName}
        {query.data ? <span className="ml-2 text-sm font-normal text-slate-600">({query.data.periodSeconds / 60}-minute periods)</span> : null}
      </h3>
      {query.isPending ? <p className="text-sm text-slate-600">Loading metrics…</p> : null}
      {query.error ? <ErrorText message={query.error.message} /> : null}
      {query.data ? (
        <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {query.data.charts.map((c) => (
            <LineChart key={c.title} title={c.title} series={c.series} start={query.data.start} end={query.data.end} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
