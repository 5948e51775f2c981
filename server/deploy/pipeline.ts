import "server-only";
import { db } from "@/server/db/client";
import type { AwsClients } from "@/server/aws/clients";
import { isTransientAwsError } from "@/server/aws/errors";
import { isTransientDbError } from "@/server/db/transient";
import { retryingDb } from "./db-retry";
import { deleteChangeSet } from "./cloudformation";
import { appendEvents, hasEvent } from "./events";
import { changeSetName } from "./names";
import { defaultPipelineEnv, fail, runContext, StepFailure, stepProblem, warn, type PipelineEnv, type RunContext, type StepResult } from "./run-context";
import { isTerminal } from "@/lib/deploy/status";
import { awaitingApprovalStep, changeSetStep } from "./steps/change-set";
import { destroyStep } from "./steps/destroy";
import { followStep } from "./steps/follow";
import { prepare } from "./steps/prepare";
import { loadDeployment, type DeploymentRecord } from "./store";
import { log } from "@/server/ops/log";
import { recordDeploymentEnd } from "@/server/ops/metrics";

// Runs a deployment from whatever status it is in until it ends, waits for a person, or has used
// its time slice. The status in the database is the only state: a job that starts after a crash
// (or on another machine) continues exactly where the last one stopped.

/** "done": nothing to do until something changes; "again": still in progress, run another slice. */
export type RunOutcome = "done" | "again";

// What each status does, and the service it calls: an SDK error does not say which call failed.
const DOING: Record<string, { doing: string; action: string }> = {
  queued: { doing: "starting the deployment", action: "cloudformation" },
  packaging: { doing: "packaging and uploading the code", action: "s3" },
  uploading: { doing: "uploading the code", action: "s3" },
  creating_change_set: { doing: "creating the change set", action: "cloudformation" },
  awaiting_approval: { doing: "starting the approved change set", action: "cloudformation:ExecuteChangeSet" },
  executing: { doing: "following the stack's operation", action: "cloudformation" },
};

function step(run: RunContext): Promise<StepResult> {
  const { status } = run.d;
  if (run.operation === "destroy") return status === "queued" ? destroyStep(run) : followStep(run);
  switch (status) {
    case "queued":
    case "packaging":
    case "uploading":
      return prepare(run);
    case "creating_change_set":
      return changeSetStep(run);
    case "awaiting_approval":
      return awaitingApprovalStep(run);
    default:
      return followStep(run);
  }
}

/** A change set that was created and will never run (the deployment was cancelled before execution). */
async function discardChangeSet(d: DeploymentRecord, env: PipelineEnv): Promise<void> {
  if (d.status !== "cancelled" || d.operation !== "deploy" || d.executedAt || !d.cfnStackName) return;
  if (!(await hasEvent(db(), d.id, "status:creating_change_set")) || (await hasEvent(db(), d.id, "change_set:deleted"))) return;
  const run = runContext(d, env);
  await deleteChangeSet(run.aws.cloudFormation, run.stackName, changeSetName(d.id));
  await appendEvents(d.id, [{ kind: "change_set", eventKey: "change_set:deleted", reason: "The change set was deleted: the deployment was cancelled before it ran" }]);
}

async function tidyUp(d: DeploymentRecord, env: PipelineEnv): Promise<void> {
  try {
    await discardChangeSet(d, env);
  } catch (error) {
    const problem = stepProblem(error, { action: "cloudformation:DeleteChangeSet", doing: "deleting the change set", endpoint: d.stage.awsConnection?.endpoint });
    await warn(d.id, `Could not delete the change set: ${problem.message}`, problem.details);
  }
}

async function runStep(d: DeploymentRecord, env: PipelineEnv): Promise<StepResult> {
  try {
    return await step(runContext(d, env));
  } catch (error) {
    // The database stayed away longer than a write's own retries (or a read failed): no reason to fail
    // the deployment. Every step is resumable from the stored status, so run it again after a poll.
    if (isTransientDbError(error)) {
      log.warn("deploy: transient database error; running the step again", { deploymentId: d.id, status: d.status, afterMs: env.pollMs, error });
      return "wait";
    }
    const problem = stepProblem(error, { ...(DOING[d.status] ?? { doing: d.status, action: "cloudformation" }), endpoint: d.stage.awsConnection?.endpoint });
    // Once the operation may have started, a failed call says nothing about the stack: keep following.
    // (Before the start is recorded, only a transient error leaves that open.)
    if (d.status === "executing" && !(error instanceof StepFailure) && (d.executedAt || isTransientAwsError(error))) {
      await warn(d.id, `Could not read the stack, retrying: ${problem.message}`, problem.details);
      return "wait";
    }
    await fail({ d, operation: d.operation }, problem);
    return "continue";
  }
}

/** One set of AWS clients per connection and region for the whole run (an assumed role is assumed once). */
function withClientCache(env: PipelineEnv): { env: PipelineEnv; destroy: () => void } {
  const cache = new Map<string, AwsClients>();
  return {
    env: {
      ...env,
      clients: (connection, region) => {
        const key = JSON.stringify([connection, region]);
        let clients = cache.get(key);
        if (!clients) cache.set(key, (clients = env.clients(connection, region)));
        return clients;
      },
    },
    destroy: () => {
      for (const c of cache.values()) for (const client of Object.values(c)) client.destroy();
    },
  };
}

export async function runDeployment(deploymentId: string, baseEnv: PipelineEnv = defaultPipelineEnv): Promise<RunOutcome> {
  const { env, destroy } = withClientCache(baseEnv);
  try {
    return await run(deploymentId, env);
  } finally {
    destroy();
  }
}

/**
 * Counted by the run that saw the deployment in flight and then ended: a later job for an ended
 * deployment does not count it again. A cancel before execution is counted by the cancel action.
 */
function countEnd(d: DeploymentRecord): void {
  if (d.status === "cancelled" && !d.executedAt) return;
  const seconds = ((d.finishedAt ?? new Date()).getTime() - d.createdAt.getTime()) / 1000;
  recordDeploymentEnd(d.operation, d.status, seconds);
}

async function run(deploymentId: string, env: PipelineEnv): Promise<RunOutcome> {
  const started = Date.now();
  let sawInFlight = false;
  for (;;) {
    if (env.signal?.aborted) return "again";
    const d = await retryingDb(`loading deployment ${deploymentId}`, () => loadDeployment(db(), deploymentId));
    if (!d) return "done";
    if (isTerminal(d.status)) {
      if (sawInFlight) countEnd(d);
      await tidyUp(d, env);
      return "done";
    }
    sawInFlight = true;
    const result = await runStep(d, env);
    if (result === "stop") {
      // A step stops when the deployment ended or waits for a person; if a cancel won the race, tidy up.
      const after = await loadDeployment(db(), deploymentId);
      if (after && isTerminal(after.status)) {
        countEnd(after);
        await tidyUp(after, env);
      }
      return "done";
    }
    if (result === "wait") {
      if (Date.now() - started >= env.sliceMs) return "again";
      await env.sleep(env.pollMs);
    }
  }
}
