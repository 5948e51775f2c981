import "server-only";
import type { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import type { LambdaClient } from "@aws-sdk/client-lambda";
import type { Db } from "@/server/db/types";
import { awsClients, lambdaClient } from "@/server/aws/clients";
import { connectionConfig, type AwsConnectionConfig } from "@/server/aws/connection-config";
import { awsErrorCode, translateAwsError } from "@/server/aws/errors";
import { runCompute } from "@/server/compute/pool";
import { artifactLocations, parseArtifacts } from "@/server/deploy/artifacts";
import { renderNameOf } from "@/server/logs/functions-of-revision";
import { logicalIds } from "@/server/render/naming";
import { boundResults, type BoundedComparison } from "./bound-results";
import { detectCloudFormationDrift, type CloudFormationDrift } from "./cloudformation-drift";
import { compareTemplate } from "./compare-template";
import { physicalIdsOf, readLive } from "./read-live";
import { RESOURCE_GONE, type DriftStatus } from "./types";

// One drift check of a stage: what its last successful deploy rendered against what runs, at the
// Lambda level (any endpoint) and CloudFormation's (where the endpoint implements it). Reads only;
// recordDriftCheck stores the outcome.

export interface DriftEnv {
  clients: (connection: AwsConnectionConfig, region: string) => { cloudFormation: CloudFormationClient; lambda: LambdaClient };
  pollMs: number;
  maxPolls: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultDriftEnv: DriftEnv = {
  clients: (connection, region) => ({ cloudFormation: awsClients(connection, region).cloudFormation, lambda: lambdaClient(connection, region) }),
  pollMs: 2_000,
  maxPolls: 30,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface DriftResults extends BoundedComparison {
  /** The revision deployed, null when the stage has none. */
  revision: number | null;
  cloudFormationStackName: string | null;
  cloudFormation: CloudFormationDrift | null;
}

export interface DriftOutcome {
  stageId: string;
  deploymentId: string | null;
  status: DriftStatus;
  results: DriftResults;
  error: string | null;
}

const EMPTY = { drifts: [], unknown: [], driftCount: 0, truncated: false };

function unknownOutcome(stageId: string, deploymentId: string | null, error: string, extra: Partial<DriftResults> = {}): DriftOutcome {
  return { stageId, deploymentId, status: "unknown", error, results: { ...EMPTY, revision: null, cloudFormationStackName: null, cloudFormation: null, ...extra } };
}

/** The stage's last deploy that succeeded (or found nothing to change), unless a stack deletion succeeded after it. */
async function lastDeployed(client: Db, stageId: string) {
  const last = await client.deployment.findFirst({
    where: { stageId, status: { in: ["succeeded", "no_changes"] } },
    orderBy: { createdAt: "desc" },
    include: { revision: { select: { number: true, yaml: true } } },
  });
  return last && last.operation === "deploy" ? last : null;
}

const isMissingStack = (error: unknown) => awsErrorCode(error) === "ValidationError" && /does not exist/.test((error as Error).message ?? "");

export async function performDriftCheck(client: Db, stageId: string, env: DriftEnv = defaultDriftEnv): Promise<DriftOutcome> {
  const stage = await client.stage.findUniqueOrThrow({ where: { id: stageId }, include: { stack: true, awsConnection: true } });
  const last = await lastDeployed(client, stageId);
  if (!last || !last.cfnStackName) return unknownOutcome(stageId, null, `The stage ${stage.name} has no deployed stack to compare with: deploy it first.`);
  const base = { revision: last.revision.number, cloudFormationStackName: last.cfnStackName };
  if (!stage.awsConnection) return unknownOutcome(stageId, last.id, `The stage ${stage.name} has no AWS connection: choose one in the stage's settings.`, base);

  const connection = connectionConfig(stage.awsConnection);
  const endpoint = connection.endpoint;
  const artifacts = parseArtifacts(last.artifacts);
  const template = await runCompute(
    "renderDeployed",
    [last.revision.yaml, { stackName: renderNameOf(last.cfnStackName, stage.name, stage.stack.name), stage: stage.name, region: stage.region, artifacts: artifactLocations(artifacts), ...(last.reconcile ? { reconcileToken: last.id } : {}) }],
    { organizationId: stage.stack.organizationId, doing: `Rendering revision ${last.revision.number} for a drift check` },
  );
  if (!template) return unknownOutcome(stageId, last.id, `Revision ${last.revision.number} no longer renders with this version of Lambdaplane: deploy the stage again to compare.`, base);

  const aws = env.clients(connection, stage.region);
  let physicalIds: Record<string, string>;
  try {
    physicalIds = await physicalIdsOf(aws.cloudFormation, last.cfnStackName);
  } catch (error) {
    if (isMissingStack(error)) {
      const drifts = [{ resource: last.cfnStackName, property: RESOURCE_GONE, deployed: last.cfnStackName, live: null }];
      return { stageId, deploymentId: last.id, status: "drifted", error: null, results: { ...boundResults({ drifts, unknown: [] }), ...base, cloudFormation: null } };
    }
    const doing = `listing the resources of ${last.cfnStackName}`;
    return unknownOutcome(stageId, last.id, translateAwsError(error, { action: "cloudformation:ListStackResources", doing, endpoint }).message, base);
  }

  let comparison;
  try {
    const live = await readLive(aws.lambda, template, physicalIds);
    const codeSha256 = Object.fromEntries(Object.entries(artifacts.functions).map(([name, f]) => [logicalIds.function(name), f.sha256]));
    comparison = compareTemplate(template, live, { physicalIds, pseudo: { "AWS::Region": stage.region, "AWS::StackName": last.cfnStackName } }, codeSha256);
  } catch (error) {
    return unknownOutcome(stageId, last.id, translateAwsError(error, { action: "lambda", doing: `reading the functions of ${last.cfnStackName}`, endpoint }).message, base);
  }
  const cloudFormation = await detectCloudFormationDrift(aws.cloudFormation, last.cfnStackName, { endpoint, pollMs: env.pollMs, maxPolls: env.maxPolls, sleep: env.sleep });
  const cfnDrifts = cloudFormation.status === "checked" ? cloudFormation.drifts : [];
  const bounded = boundResults(comparison);
  const boundedCfn = cloudFormation.status === "checked" ? { ...cloudFormation, drifts: boundResults({ drifts: cfnDrifts, unknown: [] }).drifts } : cloudFormation;
  return {
    stageId,
    deploymentId: last.id,
    status: comparison.drifts.length > 0 || cfnDrifts.length > 0 ? "drifted" : "in_sync",
    error: null,
    results: { ...bounded, ...base, cloudFormation: boundedCfn },
  };
}
