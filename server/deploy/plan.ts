import "server-only";
import { randomBytes } from "node:crypto";
import { CreateChangeSetCommand, DeleteStackCommand } from "@aws-sdk/client-cloudformation";
import type { CostDifference } from "@/lib/deploy/cost-difference";
import { hasErrors, type StackDefinition } from "@/lib/stack";
import { ActionError, invalid, notFound } from "@/server/auth/errors";
import { runCompute, type ComputeJob } from "@/server/compute/pool";
import type { AwsClients } from "@/server/aws/clients";
import { connectionConfig } from "@/server/aws/connection-config";
import { AwsCallError, translateAwsError } from "@/server/aws/errors";
import type { Db } from "@/server/db/types";
import { ensureArtifactsBucket } from "@/server/package/artifacts-bucket";
import { codeLocations } from "@/server/package/code-locations";
import { PACKAGING_SMALLER } from "@/server/package/package-stack";
import { countChanges, isNoChangeReason, summarizeChanges, type ChangeSetSummary, type ResourceChange } from "./change-set";
import { deleteChangeSet, describeChangeSet, describeStack } from "./cloudformation";
import { tryLockStageForPlan } from "./lock";
import { cloudFormationStackName } from "./names";
import { deployedRevisionBefore } from "./queries";
import { refuseIfDeploying } from "./requests";
import { defaultPipelineEnv, describeDiagnostics, StepFailure, type PipelineEnv } from "./run-context";
import { templateSource } from "./steps/template";

// `plan`: what deploying a draft (a definition and its code, not a saved revision) to a stage would
// change. The draft is rendered as a deploy renders it (same code keys, same bucket), a change set is
// created and described, then deleted, never executed; a stack that only the plan's CREATE change set
// made is deleted with it. The stage's change-set lock is held throughout (see lock.ts). Packaging,
// rendering and pricing the draft run in the compute pool, as a deploy's do.

export interface PlanDraft {
  yaml: string;
  definition: StackDefinition;
  code: unknown;
}

export interface Plan {
  stack: string;
  stage: string;
  cloudFormationStackName: string;
  changeSetType: ChangeSetSummary["type"];
  changes: ResourceChange[];
  counts: ChangeSetSummary["counts"];
  /** As the deployments page shows a deploy's: the draft against the revision the stage runs now. */
  cost: CostDifference;
}

/** How long CloudFormation may take to compute the change set before the plan gives up. */
const CHANGE_SET_TIMEOUT_MS = 5 * 60 * 1000;
const BUSY = /_IN_PROGRESS$/;

type PlanEnv = Pick<PipelineEnv, "clients" | "pollMs" | "sleep">;

async function aws<T>(call: () => Promise<T>, action: string, doing: string, endpoint: string | null): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ActionError || error instanceof AwsCallError) throw error;
    if (error instanceof StepFailure) throw new ActionError(422, error.message);
    throw new AwsCallError(translateAwsError(error, { action, doing, endpoint }));
  }
}

async function findPlanStage(client: Db, stack: { id: string; name: string }, stageName: string) {
  const stage = await client.stage.findFirst({ where: { stackId: stack.id, name: stageName }, include: { awsConnection: true } });
  if (!stage) throw notFound(`The stack ${stack.name} has no stage named ${stageName}; create it on the stack's page first.`);
  if (!stage.awsConnection) throw invalid("stage", `The stage ${stage.name} has no AWS connection: choose one in its settings.`);
  return { ...stage, awsConnection: stage.awsConnection };
}

/** Code keys exactly as a deploy computes them: the bundle's content hash in the account's artifacts bucket. */
async function artifactLocations(clients: AwsClients, draft: PlanDraft, region: string, env: PlanEnv, endpoint: string | null, job: ComputeJob) {
  const { packages, diagnostics } = await runCompute("packageCode", [draft.definition, draft.code], { ...job, smaller: PACKAGING_SMALLER });
  if (hasErrors(diagnostics)) throw new ActionError(422, describeDiagnostics("Packaging failed", diagnostics));
  if (packages.length === 0) return { bucket: null, artifacts: {} };
  // Only the bucket's name is needed: CloudFormation reads code objects when it executes, which a plan never does.
  const bucket = await aws(() => ensureArtifactsBucket(clients.cloudFormation, { region, pollMs: env.pollMs, sleep: env.sleep }), "cloudformation", "finding the artifacts bucket", endpoint);
  return { bucket, artifacts: codeLocations(packages, bucket) };
}

export async function planStage(client: Db, stack: { id: string; name: string; organizationId: string }, stageName: string, draft: PlanDraft, env: PlanEnv = defaultPipelineEnv): Promise<Plan> {
  const stage = await findPlanStage(client, stack, stageName);
  const lock = await tryLockStageForPlan(stage.id);
  if (!lock) throw new ActionError(409, `The stage ${stage.name} is busy: another plan or a deploy is starting on it. Try again in a minute.`);
  const clients = env.clients(connectionConfig(stage.awsConnection), stage.region);
  try {
    await refuseIfDeploying(client, stage);
    const endpoint = stage.awsConnection.endpoint;
    const renderName = stage.deployedStackName ?? stack.name;
    const stackName = cloudFormationStackName(renderName, stage.name);
    const job = { organizationId: stack.organizationId, doing: `Planning stack "${stack.name}"` };
    const { bucket, artifacts } = await artifactLocations(clients, draft, stage.region, env, endpoint, job);
    const rendered = await runCompute("renderStack", [draft.definition, { stackName: renderName, stage: stage.name, region: stage.region, artifacts }], job);
    if (hasErrors(rendered.diagnostics)) throw new ActionError(422, describeDiagnostics("The stack does not render", rendered.diagnostics));

    const call = <T>(run: () => Promise<T>, action: string, doing: string) => aws(run, action, doing, endpoint);
    const existing = await call(() => describeStack(clients.cloudFormation, stackName), "cloudformation:DescribeStacks", `reading ${stackName}`);
    const status = existing?.StackStatus;
    if (status === "ROLLBACK_COMPLETE") throw new ActionError(409, `The stack ${stackName} is in ROLLBACK_COMPLETE: its first deploy failed; delete the stage's stack before planning.`);
    if (status && BUSY.test(status) && status !== "REVIEW_IN_PROGRESS") throw new ActionError(409, `The stack ${stackName} is busy (${status}); plan again when its operation ends.`);
    const changeSetType = !existing || status === "REVIEW_IN_PROGRESS" ? "CREATE" : "UPDATE";
    const target = {
      s3: clients.s3,
      region: stage.region,
      stackName,
      artifactsBucket: () => ensureArtifactsBucket(clients.cloudFormation, { region: stage.region, pollMs: env.pollMs, sleep: env.sleep }),
    };
    const source = await call(() => templateSource(target, rendered, bucket), "s3:PutObject", "uploading the template");
    const changeSetName = `lambdaplane-plan-${randomBytes(8).toString("hex")}`;
    const cleanUp = async () => {
      await call(() => deleteChangeSet(clients.cloudFormation, stackName, changeSetName), "cloudformation:DeleteChangeSet", `deleting the plan's change set of ${stackName}`);
      // A CREATE change set made an empty stack (REVIEW_IN_PROGRESS) that a plan must not leave behind.
      if (!existing) await call(() => clients.cloudFormation.send(new DeleteStackCommand({ StackName: stackName })), "cloudformation:DeleteStack", `deleting the plan's empty stack ${stackName}`);
    };
    let plan: Plan;
    try {
      await call(
        () =>
          clients.cloudFormation.send(
            new CreateChangeSetCommand({
              StackName: stackName,
              ChangeSetName: changeSetName,
              ChangeSetType: changeSetType,
              ...source,
              Capabilities: ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
              Description: `Lambdaplane plan of stack ${stack.name} for stage ${stage.name} (not executed)`,
            }),
          ),
        "cloudformation:CreateChangeSet",
        `creating a change set for ${stackName}`,
      );
      const changes = await waitForChanges(clients, stackName, changeSetName, env, call);
      const deployed = await deployedRevisionBefore(client, stage.id, new Date());
      const cost = await runCompute("costDifference", [deployed, { number: 0, yaml: draft.yaml }, stage.region], {
        organizationId: stack.organizationId,
        doing: `Estimating the cost of the plan of stack "${stack.name}"`,
      });
      plan = { stack: stack.name, stage: stage.name, cloudFormationStackName: stackName, changeSetType, changes, counts: countChanges(changes), cost };
    } catch (error) {
      // The plan's own failure is what the caller needs; a failed clean-up after it is only logged.
      await cleanUp().catch((cleanUpError: unknown) => console.warn(`[plan] ${stackName}: ${(cleanUpError as Error).message}`));
      throw error;
    }
    await cleanUp();
    return plan;
  } finally {
    for (const awsClient of Object.values(clients)) awsClient.destroy();
    await lock.release();
  }
}

async function waitForChanges(
  clients: AwsClients,
  stackName: string,
  changeSetName: string,
  env: PlanEnv,
  call: <T>(run: () => Promise<T>, action: string, doing: string) => Promise<T>,
): Promise<ResourceChange[]> {
  const deadline = Date.now() + CHANGE_SET_TIMEOUT_MS;
  for (;;) {
    const cs = await call(() => describeChangeSet(clients.cloudFormation, stackName, changeSetName), "cloudformation:DescribeChangeSet", `reading the plan's change set of ${stackName}`);
    if (!cs) throw new ActionError(409, `The plan's change set of ${stackName} disappeared before it could be read; plan again.`);
    if (cs.Status === "CREATE_COMPLETE") return summarizeChanges(cs.Changes);
    if (cs.Status !== "CREATE_PENDING" && cs.Status !== "CREATE_IN_PROGRESS") {
      if (isNoChangeReason(cs.StatusReason)) return [];
      throw new ActionError(422, `CloudFormation could not create the change set: ${cs.StatusReason ?? cs.Status}`);
    }
    if (Date.now() > deadline) throw new ActionError(503, `CloudFormation did not finish the change set of ${stackName} in ${CHANGE_SET_TIMEOUT_MS / 60_000} minutes; plan again.`);
    await env.sleep(env.pollMs);
  }
}
