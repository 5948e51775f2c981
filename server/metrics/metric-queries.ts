// The GetMetricData queries behind the metrics charts of one function. Pure.
import type { MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import type { MetricSeries } from "@/lib/metrics/types";

interface SeriesSpec {
  id: string;
  label: string;
  metric: "Invocations" | "Errors" | "Throttles" | "Duration" | "ConcurrentExecutions";
  stat: string;
  unit: MetricSeries["unit"];
}

export const CHARTS: { title: string; series: SeriesSpec[] }[] = [
  { title: "Invocations", series: [{ id: "invocations", label: "Invocations", metric: "Invocations", stat: "Sum", unit: "count" }] },
  { title: "Errors", series: [{ id: "errors", label: "Errors", metric: "Errors", stat: "Sum", unit: "count" }] },
  { title: "Throttles", series: [{ id: "throttles", label: "Throttles", metric: "Throttles", stat: "Sum", unit: "count" }] },
  {
    title: "Duration",
    series: [
      { id: "duration_p50", label: "p50", metric: "Duration", stat: "p50", unit: "ms" },
      { id: "duration_p95", label: "p95", metric: "Duration", stat: "p95", unit: "ms" },
      { id: "duration_max", label: "max", metric: "Duration", stat: "Maximum", unit: "ms" },
    ],
  },
  { title: "Concurrent executions", series: [{ id: "concurrency", label: "Concurrent executions (max)", metric: "ConcurrentExecutions", stat: "Maximum", unit: "count" }] },
];

/** About this many points per chart; CloudWatch periods are whole minutes (and coarser for old data). */
const TARGET_POINTS = 120;

export function periodFor(start: number, end: number, now: number): number {
  const raw = Math.max(60, Math.ceil((end - start) / 1000 / TARGET_POINTS / 60) * 60);
  const age = now - start;
  // Data older than 15 days is kept at 5-minute resolution, older than 63 days at one hour.
  const minimum = age > 63 * 86_400_000 ? 3600 : age > 15 * 86_400_000 ? 300 : 60;
  return Math.ceil(Math.max(raw, minimum) / minimum) * minimum;
}

/** The queries of the given charts (all of them by default). */
export function metricQueries(functionName: string, periodSeconds: number, ...charts: (typeof CHARTS)[number][]): MetricDataQuery[] {
  return (charts.length > 0 ? charts : CHARTS).flatMap((c) =>
    c.series.map((s) => ({
      Id: s.id,
      Label: s.label,
      ReturnData: true,
      MetricStat: {
        Metric: { Namespace: "AWS/Lambda", MetricName: s.metric, Dimensions: [{ Name: "FunctionName", Value: functionName }] },
        Period: periodSeconds,
        Stat: s.stat,
      },
    })),
  );
}
