import { PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { cloudWatchClient } from "@/server/aws/clients";
import { INTERNALS } from "@/server/aws/errors";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { functionMetrics } from "./get-metrics";

// GetMetricData against a REAL moto server (python3 -m moto.server). moto answers the sums and maxima
// but fails with HTTP 500 on percentile statistics (p50, p95) once there are datapoints: the Duration
// chart fails on its own and says why, the others still show their points.

let moto: MotoServer;
const FN = "shop-dev-api";
const NOW = Date.now();
const cloudWatch = () => cloudWatchClient({ credentialType: "default_chain", roleArn: null, externalId: null, endpoint: moto.endpoint }, "eu-west-1", { maxAttempts: 1 });

beforeAll(async () => {
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint);
  const at = new Date(NOW - 10 * 60_000);
  const datum = (MetricName: string, Value: number, Unit: "Count" | "Milliseconds") => ({ MetricName, Value, Unit, Timestamp: at, Dimensions: [{ Name: "FunctionName", Value: FN }] });
  await cloudWatch().send(new PutMetricDataCommand({ Namespace: "AWS/Lambda", MetricData: [datum("Invocations", 3, "Count"), datum("Duration", 120, "Milliseconds")] }));
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe("functionMetrics against moto", () => {
  it("shows every chart it can read and says why the one moto refuses failed", async () => {
    const metrics = await functionMetrics(cloudWatch(), { functionName: FN, start: NOW - 3600_000, end: NOW, endpoint: moto.endpoint });
    expect(metrics.charts.map((c) => c.title)).toEqual(["Invocations", "Errors", "Throttles", "Duration", "Concurrent executions"]);
    const invocations = metrics.charts[0];
    expect("series" in invocations && invocations.series[0].points.reduce((sum, p) => sum + p.v, 0)).toBe(3);
    const duration = metrics.charts[3];
    if (!("error" in duration)) throw new Error("moto answered the percentiles: this test no longer shows a failing chart");
    expect(duration.error.message).toMatch(new RegExp(`^CloudWatch GetMetricData failed while reading the duration of ${FN}: the endpoint ${moto.endpoint} `));
    expect(duration.error.message).not.toMatch(INTERNALS);
    expect(duration.error.details).toContain("HTTP status 500");
    for (const c of [metrics.charts[1], metrics.charts[2], metrics.charts[4]]) expect(c).toHaveProperty("series");
  });
});
