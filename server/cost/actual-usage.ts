import "server-only";
import {
  actualFunctionCost,
  applicableUsage,
  estimateStackCost,
  isPricedRegion,
  lambdaChargesOf,
  monthProgress,
  type ActualFunctionCost,
} from "@/lib/cost";
import type { LambdaFunction } from "@/lib/stack";
import { cloudWatchClient, type ClientOptions } from "@/server/aws/clients";
import { connectionConfig } from "@/server/aws/connection-config";
import { translateAwsError } from "@/server/aws/errors";
import type { Db } from "@/server/db/types";
import { physicalNames } from "@/server/render/naming";
import { revisionDefinition } from "@/server/stacks/revision-reads";
import { functionMetrics } from "./metrics";

export interface FunctionActualUsage {
  name: string;
  /** The function's name in AWS. */
  awsName: string;
  actual: ActualFunctionCost;
  /** The estimate's Lambda charges for this function (same scope as `actual`), with the stack's usage assumptions. */
  estimatedMonthly: number;
}

export type StageActualUsage = {
  stageId: string;
  stageName: string;
  region: string;
} & (
  | { status: "ok"; revisionNumber: number; from: string; to: string; functions: FunctionActualUsage[] }
  | { status: "not-deployed" | "unpriced" | "error"; message: string; details?: string }
);

const DEPLOYED_STATUSES = ["succeeded", "no_changes"] as const;

/** Stages of the stack that have been deployed, with the revision their latest successful deploy put there. */
async function deployedStages(client: Db, stackId: string) {
  return client.stage.findMany({
    where: { stackId },
    orderBy: { createdAt: "asc" },
    include: {
      stack: { select: { name: true, organizationId: true } },
      awsConnection: true,
      deployments: {
        where: { operation: "deploy", status: { in: [...DEPLOYED_STATUSES] } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { revision: { select: { id: true, number: true, yaml: true } } },
      },
    },
  });
}

type StageRow = Awaited<ReturnType<typeof deployedStages>>[number];

async function stageUsage(stage: StageRow, savedUsage: unknown, now: Date, options: ClientOptions): Promise<StageActualUsage> {
  const base = { stageId: stage.id, stageName: stage.name, region: stage.region };
  const deployed = stage.deployments[0]?.revision;
  if (!deployed || stage.deployedStackName === null) return { ...base, status: "not-deployed", message: "Not deployed yet." };
  if (!stage.awsConnection) return { ...base, status: "error", message: "The stage has no AWS connection: choose one in its settings." };
  const region = stage.region;
  if (!isPricedRegion(region)) return { ...base, status: "unpriced", message: `There is no price data for ${region}.` };
  const definition = await revisionDefinition(deployed, stage.stack.organizationId);
  if (!definition) return { ...base, status: "error", message: `Revision ${deployed.number} no longer parses.` };

  const functions = Object.entries(definition.resources).filter((e): e is [string, LambdaFunction] => e[1].type === "function");
  const awsNames = functions.map(([name]) => physicalNames.function(stage.deployedStackName!, stage.name, name));
  const progress = monthProgress(now);
  const connection = connectionConfig(stage.awsConnection);
  const cloudWatch = cloudWatchClient(connection, region, options);
  let metrics;
  try {
    metrics = await functionMetrics(cloudWatch, awsNames, progress.start, now);
  } catch (error) {
    const { message, details } = translateAwsError(error, { action: "cloudwatch:GetMetricData", doing: "reading the functions' AWS/Lambda metrics", endpoint: connection.endpoint });
    return { ...base, status: "error", message, details };
  } finally {
    cloudWatch.destroy();
  }
  const estimate = estimateStackCost(definition, { region, usage: applicableUsage(savedUsage, definition).usage });
  const estimated = new Map(estimate.resources.filter((r) => r.kind === "resource").map((r) => [r.resource, lambdaChargesOf(r)]));
  return {
    ...base,
    status: "ok",
    revisionNumber: deployed.number,
    from: progress.start.toISOString(),
    to: now.toISOString(),
    functions: functions.map(([name, fn], i) => ({
      name,
      awsName: awsNames[i],
      actual: actualFunctionCost(fn, metrics.get(awsNames[i])!, progress, region),
      estimatedMonthly: estimated.get(name) ?? 0,
    })),
  };
}

/**
 * Month-to-date and projected Lambda cost of each deployed stage's functions from CloudWatch, next to
 * the estimate of the same revision with the stack's saved usage assumptions (those that fit it).
 * Stages are read in parallel; one stage's AWS error is reported on that stage and hides no other.
 */
export async function stackActualUsage(client: Db, stackId: string, now = new Date(), options: ClientOptions = { maxAttempts: 2, timeoutMs: 5000 }) {
  const [stages, settings] = await Promise.all([
    deployedStages(client, stackId),
    client.stackCostSettings.findUnique({ where: { stackId }, select: { usage: true } }),
  ]);
  return Promise.all(stages.map((stage) => stageUsage(stage, settings?.usage ?? {}, now, options)));
}
