import "server-only";
import { GetMetricDataCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { MetricChart, MetricsResponse } from "@/lib/metrics/types";
import { translateAwsError } from "@/server/aws/errors";
import { CHARTS, metricQueries, periodFor } from "./metric-queries";

interface MetricsInput {
  functionName: string;
  start: number;
  end: number;
  endpoint?: string | null;
}

/** One chart's series from GetMetricData (every page of it). */
async function chartPoints(cloudWatch: CloudWatchClient, chart: (typeof CHARTS)[number], input: MetricsInput, periodSeconds: number): Promise<Map<string, { t: number; v: number }[]>> {
  const points = new Map<string, { t: number; v: number }[]>();
  let nextToken: string | undefined;
  do {
    const out = await cloudWatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: metricQueries(input.functionName, periodSeconds, chart),
        StartTime: new Date(input.start),
        EndTime: new Date(input.end),
        ScanBy: "TimestampAscending",
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
    );
    for (const r of out.MetricDataResults ?? []) {
      const list = points.get(r.Id ?? "") ?? [];
      (r.Timestamps ?? []).forEach((t, i) => list.push({ t: t.getTime(), v: r.Values?.[i] ?? 0 }));
      points.set(r.Id ?? "", list);
    }
    nextToken = out.NextToken;
  } while (nextToken);
  return points;
}

/**
 * The function's charts over [start, end] from CloudWatch GetMetricData, one call per chart so that a
 * statistic the service refuses (moto has no percentiles) fails only its own chart, which says why.
 */
export async function functionMetrics(cloudWatch: CloudWatchClient, input: MetricsInput): Promise<MetricsResponse> {
  const periodSeconds = periodFor(input.start, input.end, Date.now());
  const charts = await Promise.all(
    CHARTS.map(async (chart): Promise<MetricChart> => {
      try {
        const points = await chartPoints(cloudWatch, chart, input, periodSeconds);
        return {
          title: chart.title,
          series: chart.series.map((s) => ({ id: s.id, label: s.label, unit: s.unit, points: (points.get(s.id) ?? []).sort((a, b) => a.t - b.t) })),
        };
      } catch (error) {
        const { message, details } = translateAwsError(error, {
          action: "cloudwatch:GetMetricData",
          doing: `reading the ${chart.title.toLowerCase()} of ${input.functionName}`,
          endpoint: input.endpoint,
        });
        return { title: chart.title, error: { message, details } };
      }
    }),
  );
  return { periodSeconds, start: input.start, end: input.end, charts };
}
