import "server-only";
import {
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetFunctionUrlConfigCommand,
  ListAliasesCommand,
  ListEventSourceMappingsCommand,
  ListProvisionedConcurrencyConfigsCommand,
  ListVersionsByFunctionCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { FilterLogEventsCommand, type CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { FunctionLiveView, RecentInvocations, Section } from "@/lib/functions/types";
import { awsErrorCode, translateAwsError, type AwsProblem } from "@/server/aws/errors";
import type { RawEvent } from "@/server/logs/log-line";
import { bounded } from "./bounded-list";
import { configurationView } from "./configuration-view";
import { summarizeInvocations } from "./recent-invocations";

// A deployed function's live view: seven Lambda reads and one log read in parallel, each its own
// section that fails on its own (an emulator lacks some calls), every list bounded.

/** Log lines read for recent invocations: a busy hour is counted up to here and the page says so. */
export const INVOCATION_LINE_CAP = 5000;
const HOUR = 3_600_000;
// REPORT lines and what marks a failed invocation; CloudWatch ORs `?` terms. Lines it lets through
// beyond these (an emulator that ignores the pattern) are classified again on this side.
const INVOCATION_PATTERN = '?REPORT ?ERROR ?"Task timed out"';

export interface FunctionReadInput {
  physicalName: string;
  logGroupName: string;
  region: string;
  revealEnvironment: boolean;
  endpoint: string | null;
  now: number;
}

export interface FunctionClients {
  lambda: LambdaClient;
  logs: CloudWatchLogsClient;
}

// An endpoint without the call: a code saying so, or (moto) a 404 or 501 web page instead of an AWS answer.
const NOT_IMPLEMENTED = new Set(["NotImplemented", "NotImplementedException", "UnknownOperationException", "InvalidAction"]);

function notImplemented(error: unknown, problem: AwsProblem, endpoint: string | null): boolean {
  if (endpoint === null) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  return NOT_IMPLEMENTED.has(awsErrorCode(error)) || (problem.kind === "not-aws" && (status === 404 || status === 501));
}

async function section<T>(read: () => Promise<T>, action: string, doing: string, endpoint: string | null): Promise<Section<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    const problem = translateAwsError(error, { action, doing, endpoint });
    if (notImplemented(error, problem, endpoint)) {
      return { ok: false, unavailable: true, message: `Not available from this endpoint (${endpoint}): it does not implement ${action}.`, details: problem.details };
    }
    return { ok: false, unavailable: false, message: problem.message, details: problem.details };
  }
}

async function recentInvocations(logs: CloudWatchLogsClient, input: FunctionReadInput): Promise<RecentInvocations> {
  const start = input.now - HOUR;
  const events: RawEvent[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const out = await logs.send(
        new FilterLogEventsCommand({ logGroupName: input.logGroupName, startTime: start, endTime: input.now, filterPattern: INVOCATION_PATTERN, limit: Math.min(1000, INVOCATION_LINE_CAP - events.length), nextToken }),
      );
      for (const e of out.events ?? []) events.push({ id: e.eventId ?? "", timestamp: e.timestamp ?? 0, logStream: e.logStreamName ?? "", message: e.message ?? "" });
      nextToken = out.nextToken;
    } while (nextToken && events.length < INVOCATION_LINE_CAP);
  } catch (error) {
    if (awsErrorCode(error) !== "ResourceNotFoundException") throw error;
    return summarizeInvocations([], { start, end: input.now, capped: false, readUntil: input.now, noLogGroup: true });
  }
  const capped = Boolean(nextToken);
  const readUntil = capped ? Math.max(start, ...events.map((e) => e.timestamp)) : input.now;
  return summarizeInvocations(events, { start, end: input.now, capped, readUntil, noLogGroup: false });
}

export async function readFunctionLiveView({ lambda, logs }: FunctionClients, input: FunctionReadInput): Promise<FunctionLiveView> {
  const FunctionName = input.physicalName;
  const ep = input.endpoint;
  const of = `of ${FunctionName}`;
  const [configuration, reservedConcurrency, provisionedConcurrency, versions, aliases, url, eventSourceMappings, invocations] = await Promise.all([
    section(async () => configurationView(await lambda.send(new GetFunctionCommand({ FunctionName })), input.revealEnvironment), "lambda:GetFunction", `reading the configuration ${of}`, ep),
    section(async () => (await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName }))).ReservedConcurrentExecutions ?? null, "lambda:GetFunctionConcurrency", `reading the reserved concurrency ${of}`, ep),
    section(
      () =>
        bounded(async (Marker, MaxItems) => {
          const out = await lambda.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName, Marker, MaxItems }));
          const items = (out.ProvisionedConcurrencyConfigs ?? []).map((p) => ({
            qualifier: p.FunctionArn?.split(":").pop() ?? "",
            requested: p.RequestedProvisionedConcurrentExecutions ?? null,
            available: p.AvailableProvisionedConcurrentExecutions ?? null,
            allocated: p.AllocatedProvisionedConcurrentExecutions ?? null,
            status: p.Status ?? null,
            statusReason: p.StatusReason ?? null,
          }));
          return { items, next: out.NextMarker };
        }),
      "lambda:ListProvisionedConcurrencyConfigs",
      `listing the provisioned concurrency ${of}`,
      ep,
    ),
    section(
      () =>
        bounded(async (Marker, MaxItems) => {
          const out = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName, Marker, MaxItems }));
          const items = (out.Versions ?? []).map((v) => ({ version: v.Version ?? "", description: v.Description || null, codeSha256: v.CodeSha256 ?? null, lastModified: v.LastModified ?? null }));
          return { items, next: out.NextMarker };
        }),
      "lambda:ListVersionsByFunction",
      `listing the versions ${of}`,
      ep,
    ),
    section(
      () =>
        bounded(async (Marker, MaxItems) => {
          const out = await lambda.send(new ListAliasesCommand({ FunctionName, Marker, MaxItems }));
          const items = (out.Aliases ?? []).map((a) => ({
            name: a.Name ?? "",
            version: a.FunctionVersion ?? "",
            description: a.Description || null,
            additionalWeights: Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {}).map(([version, weight]) => ({ version, weight })),
          }));
          return { items, next: out.NextMarker };
        }),
      "lambda:ListAliases",
      `listing the aliases ${of}`,
      ep,
    ),
    section(
      async () => {
        try {
          const out = await lambda.send(new GetFunctionUrlConfigCommand({ FunctionName }));
          return out.FunctionUrl ? { url: out.FunctionUrl, authType: out.AuthType ?? null, invokeMode: out.InvokeMode ?? null } : null;
        } catch (error) {
          // Lambda's answer for a function without a URL.
          if (awsErrorCode(error) === "ResourceNotFoundException") return null;
          throw error;
        }
      },
      "lambda:GetFunctionUrlConfig",
      `reading the function URL ${of}`,
      ep,
    ),
    section(
      () =>
        bounded(async (Marker, MaxItems) => {
          const out = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName, Marker, MaxItems }));
          const items = (out.EventSourceMappings ?? []).map((m) => ({
            uuid: m.UUID ?? "",
            eventSourceArn: m.EventSourceArn ?? null,
            state: m.State ?? null,
            stateTransitionReason: m.StateTransitionReason ?? null,
            lastProcessingResult: m.LastProcessingResult ?? null,
            batchSize: m.BatchSize ?? null,
            lastModified: m.LastModified ? m.LastModified.toISOString() : null,
          }));
          return { items, next: out.NextMarker };
        }),
      "lambda:ListEventSourceMappings",
      `listing the event source mappings ${of}`,
      ep,
    ),
    section(() => recentInvocations(logs, input), "logs:FilterLogEvents", `reading the recent invocations of ${FunctionName} from ${input.logGroupName}`, ep),
  ]);
  return { physicalName: FunctionName, region: input.region, configuration, reservedConcurrency, provisionedConcurrency, versions, aliases, url, eventSourceMappings, recentInvocations: invocations };
}
