import "server-only";
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import type { FunctionMetrics } from "@/lib/cost";

// GetMetricData takes at most 500 queries per call; two per function.
const QUERIES_PER_CALL = 500;
// One datapoint a day keeps a month under CloudWatch's 100,800 datapoints per query by far.
const PERIOD_SECONDS = 86_400;

function queries(functionNames: readonly string[]): MetricDataQuery[] {
  return functionNames.flatMap((name, i) =>
    (["Invocations", "Duration"] as const).map((metric) => ({
      Id: `${metric === "Invocations" ? "i" : "d"}${i}`,
      MetricStat: {
        Metric: { Namespace: "AWS/Lambda", MetricName: metric, Dimensions: [{ Name: "FunctionName", Value: name }] },
        Period: PERIOD_SECONDS,
        Stat: "Sum",
      },
      ReturnData: true,
    })),
  );
}

/**
 * Invocations and total duration of each function (by its AWS name) from `start` to `end`, from the
 * AWS/Lambda metrics. A function without datapoints (never invoked, or not deployed) reads as zero.
 */
export async function functionMetrics(cloudWatch: CloudWatchClient, functionNames: readonly string[], start: Date, end: Date): Promise<Map<string, FunctionMetrics>> {
  const all = queries(functionNames);
  const sums = new Map<string, number>();
  for (let offset = 0; offset < all.length; offset += QUERIES_PER_CALL) {
    const batch = all.slice(offset, offset + QUERIES_PER_CALL);
    let nextToken: string | undefined;
    do {
      const page = await cloudWatch.send(new GetMetricDataCommand({ StartTime: start, EndTime: end, MetricDataQueries: batch, NextToken: nextToken }));
      for (const result of page.MetricDataResults ?? []) {
        if (!result.Id) continue;
        sums.set(result.Id, (sums.get(result.Id) ?? 0) + (result.Values ?? []).reduce((a, b) => a + b, 0));
      }
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return new Map(functionNames.map((name, i) => [name, { invocations: sums.get(`i${i}`) ?? 0, durationMs: sums.get(`d${i}`) ?? 0 }]));
}
