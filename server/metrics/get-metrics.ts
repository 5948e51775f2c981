import "server-only";
import { GetMetricDataCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { MetricsResponse } from "@/lib/metrics/types";
import { describeAwsError } from "@/server/aws/errors";
import { CHARTS, metricQueries, periodFor } from "./metric-queries";

export class MetricsError extends Error {
  constructor(
    readonly status: 403 | 502,
    message: string,
  ) {
    super(message);
  }
}

/** The function's charts over [start, end] from CloudWatch GetMetricData (every page of it). */
export async function functionMetrics(cloudWatch: CloudWatchClient, input: { functionName: string; start: number; end: number; endpoint?: string | null }): Promise<MetricsResponse> {
  const periodSeconds = periodFor(input.start, input.end, Date.now());
  const points = new Map<string, { t: number; v: number }[]>();
  let nextToken: string | undefined;
  try {
    do {
      const out = await cloudWatch.send(
        new GetMetricDataCommand({
          MetricDataQueries: metricQueries(input.functionName, periodSeconds),
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
  } catch (error) {
    const message = describeAwsError(error, { doing: `reading the metrics of ${input.functionName}`, endpoint: input.endpoint, iamAction: "cloudwatch:GetMetricData" });
    throw new MetricsError(/^Access denied/.test(message) ? 403 : 502, message);
  }
  return {
    periodSeconds,
    start: input.start,
    end: input.end,
    charts: CHARTS.map((c) => ({
      title: c.title,
      series: c.series.map((s) => ({ id: s.id, label: s.label, unit: s.unit, points: (points.get(s.id) ?? []).sort((a, b) => a.t - b.t) })),
    })),
  };
}
