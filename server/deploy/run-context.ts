import "server-only";
import { createHash } from "node:crypto";
import { awsClients, type AwsClients } from "@/server/aws/clients";
import { connectionConfig, type AwsConnectionConfig } from "@/server/aws/connection-config";
import { translateAwsError, type AwsCall } from "@/server/aws/errors";
import { ActionError } from "@/server/auth/errors";
import { runCompute, type TaskName } from "@/server/compute/pool";
import type { ComputeTasks } from "@/server/compute/tasks";
import { formatDiagnostic, hasErrors, type Diagnostic } from "@/lib/stack/diagnostics";
import type { StackDefinition } from "@/lib/stack/schema";
import { appendEvents } from "./events";
import { moveTo, type DeploymentRecord } from "./store";
import type { DeploymentOperation } from "@/lib/deploy/status";

// What every pipeline step works with: the deployment as loaded, its AWS clients, the environment.

export interface PipelineEnv {
  /** Between two reads of a CloudFormation operation in progress. */
  pollMs: number;
  /** How long one job follows a deployment before handing it to a fresh job (keeps jobs short). */
  sliceMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Aborted when the worker stops: the step ends at its next wait and the deployment is picked up again. */
  signal?: AbortSignal;
  clients: (connection: AwsConnectionConfig, region: string) => AwsClients;
}

export const defaultPipelineEnv: PipelineEnv = {
  pollMs: 2000,
  sliceMs: 5 * 60 * 1000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  clients: (connection, region) => awsClients(connection, region),
};

/** What a step tells the loop: go on at once, wait a poll interval, or stop (terminal, or waiting for a person). */
export type StepResult = "continue" | "wait" | "stop";

export interface RunContext {
  d: DeploymentRecord;
  operation: DeploymentOperation;
  env: PipelineEnv;
  aws: AwsClients;
  region: string;
  /** The CloudFormation stack (<stack>-<stage>). */
  stackName: string;
  /** The Lambdaplane stack name the template is rendered under. */
  renderName: string;
}

export class StepFailure extends Error {}

export function runContext(d: DeploymentRecord, env: PipelineEnv): RunContext {
  const connection = d.stage.awsConnection;
  if (!connection) throw new StepFailure(`The stage ${d.stage.name} has no AWS connection: choose one in the stage's settings and deploy again.`);
  if (!d.cfnStackName) throw new StepFailure("The deployment does not name its CloudFormation stack.");
  const suffix = `-${d.stage.name}`;
  return {
    d,
    operation: d.operation,
    env,
    aws: env.clients(connectionConfig(connection), d.stage.region),
    region: d.stage.region,
    stackName: d.cfnStackName,
    renderName: d.cfnStackName.endsWith(suffix) ? d.cfnStackName.slice(0, -suffix.length) : d.stage.stack.name,
  };
}

const MAX_LISTED = 5;

export function describeDiagnostics(what: string, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const listed = errors.slice(0, MAX_LISTED).map(formatDiagnostic).join("\n");
  const more = errors.length > MAX_LISTED ? `\n... and ${errors.length - MAX_LISTED} more` : "";
  return `${what}:\n${listed}${more}`;
}

/** A step's work on the revision in the compute pool (`doing`, e.g. "Packaging"); its refusals (too slow, organization busy, pool full) fail the step in their words. */
export function computeForRun<K extends TaskName>(run: RunContext, doing: string, name: K, args: Parameters<ComputeTasks[K]>, smaller?: string) {
  const stack = run.d.stage.stack;
  // Patient: a deploy waits behind its organization's previews rather than fail for them.
  const job = { organizationId: stack.organizationId, doing: `${doing} revision ${run.d.revision.number} of stack "${stack.name}"`, smaller, patient: true };
  return runCompute(name, args, job).catch((e: unknown) => {
    throw e instanceof ActionError ? new StepFailure(e.message) : e;
  });
}

/** The revision's definition, validated; a StepFailure listing the errors otherwise. */
export async function definitionOf(run: RunContext): Promise<StackDefinition> {
  const analyzed = await computeForRun(run, "Checking", "analyze", [run.d.revision.yaml, { file: "stack.yml", spec: true }]);
  if (!analyzed.definition || hasErrors(analyzed.diagnostics)) {
    throw new StepFailure(describeDiagnostics(`Revision ${run.d.revision.number} is not valid`, analyzed.diagnostics));
  }
  return analyzed.definition;
}

/** Why a step failed, in words; `details` is the raw error text (an SDK's, the database's) for the timeline's "Details". */
export interface StepProblem {
  message: string;
  details: string;
}

/** Ends the deployment as failed with the reason; false if it had already ended. */
export function fail(run: Pick<RunContext, "d" | "operation">, problem: StepProblem): Promise<boolean> {
  return moveTo(run.d.id, run.operation, "failed", { data: { error: problem.message }, reason: problem.message, details: problem.details });
}

export function stepProblem(error: unknown, call: AwsCall): StepProblem {
  if (error instanceof StepFailure) return { message: error.message, details: "" };
  const { message, details } = translateAwsError(error, call);
  return { message, details };
}

/** A problem worth showing that does not end the deployment (reading events failed, retrying); shown once per message. */
export async function warn(deploymentId: string, message: string, details = ""): Promise<void> {
  const key = createHash("sha256").update(message).digest("hex").slice(0, 16);
  await appendEvents(deploymentId, [{ kind: "warning", eventKey: `warning:${key}`, reason: message, ...(details ? { data: { details } } : {}) }]);
}
