import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateAliasCommand, CreateFunctionUrlConfigCommand, PublishVersionCommand, PutFunctionConcurrencyCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMoto, type MotoServer } from "@/e2e/moto/moto-server";
import { cloudWatchLogsClient, lambdaClient } from "@/server/aws/clients";
import { INTERNALS } from "@/server/aws/errors";
import { allowAwsEmulator } from "@/server/aws/test-support";
import { readFunctionLiveView, type FunctionReadInput } from "./live-view";
import { createFunctionOnMoto } from "./test-support";

// The reader against a REAL moto server (python3 -m moto.server): a function with a queue trigger,
// created by CloudFormation as a deploy would, then given reserved concurrency, a version, a weighted
// alias and a URL with the Lambda API, and REPORT lines in its log group. moto has no
// ListProvisionedConcurrencyConfigs: that section says so and the others still show.

let moto: MotoServer;
const REGION = "eu-west-1";
const FN = "orders-dev-worker";
const LOG_GROUP = `/aws/lambda/${FN}`;
const NOW = Date.now();
const connection = () => ({ credentialType: "default_chain" as const, roleArn: null, externalId: null, endpoint: moto.endpoint });
const clients = () => ({ lambda: lambdaClient(connection(), REGION, { maxAttempts: 1 }), logs: cloudWatchLogsClient(connection(), REGION, { maxAttempts: 1 }) });
const input = (over: Partial<FunctionReadInput> = {}): FunctionReadInput => ({ physicalName: FN, logGroupName: LOG_GROUP, region: REGION, revealEnvironment: true, endpoint: moto.endpoint, now: NOW, ...over });

const RID = (n: number) => `0f6c1e2a-3b4c-4d5e-8f90-a1b2c3d4e5${String(n).padStart(2, "0")}`;
const report = (n: number, init = "") => `REPORT RequestId: ${RID(n)}\tDuration: ${100 + n}.5 ms\tBilled Duration: ${101 + n} ms\tMemory Size: 512 MB\tMax Memory Used: 80 MB\t${init}`;

beforeAll(async () => {
  moto = await startMoto();
  allowAwsEmulator(moto.endpoint);
  await createFunctionOnMoto(moto.endpoint, REGION, { name: FN, environment: { TABLE_NAME: "orders", API_KEY: "s3cr3t-value" } });
  const { lambda, logs } = clients();
  await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: FN, ReservedConcurrentExecutions: 5 }));
  const v1 = await lambda.send(new PublishVersionCommand({ FunctionName: FN, Description: "first" }));
  await lambda.send(new CreateAliasCommand({ FunctionName: FN, Name: "live", FunctionVersion: v1.Version, RoutingConfig: { AdditionalVersionWeights: { $LATEST: 0.1 } } }));
  await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: FN, AuthType: "AWS_IAM" }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: LOG_GROUP })).catch(() => undefined);
  await logs.send(new CreateLogStreamCommand({ logGroupName: LOG_GROUP, logStreamName: "s1" }));
  await logs.send(
    new PutLogEventsCommand({
      logGroupName: LOG_GROUP,
      logStreamName: "s1",
      logEvents: [
        { timestamp: NOW - 2 * 3600_000, message: report(9) },
        { timestamp: NOW - 50_000, message: `START RequestId: ${RID(1)} Version: $LATEST` },
        { timestamp: NOW - 49_000, message: report(1, "Init Duration: 150.10 ms\t") },
        { timestamp: NOW - 30_000, message: `2026-12-01T08:00:00.000Z\t${RID(2)}\tERROR\tInvoke Error {"errorType":"Error"}` },
        { timestamp: NOW - 29_000, message: report(2) },
        { timestamp: NOW - 10_000, message: `2026-12-01T08:00:00.000Z ${RID(3)} Task timed out after 20.02 seconds` },
        { timestamp: NOW - 9_000, message: report(3) },
        { timestamp: NOW - 5_000, message: report(4) },
      ],
    }),
  );
}, 90_000);
afterAll(async () => {
  await moto?.stop();
});

describe("readFunctionLiveView against moto", () => {
  it("reads the configuration, concurrency, versions, alias weights, URL, mapping and recent invocations", async () => {
    const view = await readFunctionLiveView(clients(), input());
    if (!view.configuration.ok) throw new Error(view.configuration.message);
    expect(view.configuration.value).toMatchObject({ functionName: FN, runtime: "nodejs22.x", memoryMb: 512, timeoutSeconds: 20, handler: "index.handler", environmentRedacted: false });
    expect(view.configuration.value.environment).toEqual([
      { name: "API_KEY", value: "s3cr3t-value" },
      { name: "TABLE_NAME", value: "orders" },
    ]);
    expect(view.configuration.value.codeSha256).toBeTruthy();
    expect(view.reservedConcurrency).toEqual({ ok: true, value: 5 });
    if (!view.versions.ok || !view.aliases.ok || !view.url.ok || !view.eventSourceMappings.ok) throw new Error(JSON.stringify(view));
    expect(view.versions.value.items.map((v) => v.version)).toEqual(expect.arrayContaining(["$LATEST", "1"]));
    expect(view.aliases.value.items).toEqual([expect.objectContaining({ name: "live", version: "1", additionalWeights: [{ version: "$LATEST", weight: 0.1 }] })]);
    expect(view.url.value).toMatchObject({ authType: "AWS_IAM" });
    expect(view.eventSourceMappings.value).toMatchObject({ capped: false, items: [expect.objectContaining({ batchSize: 7, eventSourceArn: expect.stringContaining(":sqs:") })] });
    expect(view.eventSourceMappings.value.items[0].state).toBeTruthy();

    if (!view.recentInvocations.ok) throw new Error(view.recentInvocations.message);
    const recent = view.recentInvocations.value;
    // The REPORT line two hours old is outside the window.
    expect(recent).toMatchObject({ count: 4, coldStarts: 1, errors: 2, errorRate: 0.5, capped: false, noLogGroup: false });
    expect(recent.invocations.map((i) => [i.requestId, i.failed])).toEqual([
      [RID(4), false],
      [RID(3), true],
      [RID(2), true],
      [RID(1), false],
    ]);
    expect(recent.invocations[3]).toMatchObject({ durationMs: 101.5, billedDurationMs: 102, maxMemoryUsedMb: 80, initDurationMs: 150.1 });
  });

  it("says a call the endpoint does not implement is not available there, in that section only", async () => {
    const view = await readFunctionLiveView(clients(), input());
    const provisioned = view.provisionedConcurrency;
    if (provisioned.ok) throw new Error("moto answered ListProvisionedConcurrencyConfigs: this test no longer shows an unavailable section");
    expect(provisioned.unavailable).toBe(true);
    expect(provisioned.message).toBe(`Not available from this endpoint (${moto.endpoint}): it does not implement lambda:ListProvisionedConcurrencyConfigs.`);
    expect(provisioned.message).not.toMatch(INTERNALS);
  });

  it("withholds environment values from a viewer who may not deploy", async () => {
    const view = await readFunctionLiveView(clients(), input({ revealEnvironment: false }));
    if (!view.configuration.ok) throw new Error(view.configuration.message);
    expect(view.configuration.value.environment).toEqual([
      { name: "API_KEY", value: null },
      { name: "TABLE_NAME", value: null },
    ]);
    expect(JSON.stringify(view)).not.toContain("s3cr3t-value");
  });

  it("a function that does not exist fails its sections in words, and a missing log group is an empty state", async () => {
    const view = await readFunctionLiveView(clients(), input({ physicalName: "orders-dev-gone", logGroupName: "/aws/lambda/orders-dev-gone" }));
    if (view.configuration.ok) throw new Error("moto found a function that does not exist");
    expect(view.configuration.unavailable).toBe(false);
    expect(view.configuration.message).toMatch(/^Lambda GetFunction failed while reading the configuration of orders-dev-gone: it does not exist/);
    expect(view.recentInvocations).toMatchObject({ ok: true, value: { noLogGroup: true, count: 0, errorRate: null } });
  });
});
