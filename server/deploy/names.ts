import { z } from "zod";

// Names the deploy pipeline gives things in AWS. Pure.

/** Stage names: short, lower-case, so `<stack>-<stage>` stays a valid CloudFormation stack name (128 characters, [A-Za-z][A-Za-z0-9-]*). */
export const STAGE_NAME_MAX = 32;
export const stageNameSchema = z
  .string()
  .trim()
  .min(1, "Name is required.")
  .max(STAGE_NAME_MAX, `Name must be at most ${STAGE_NAME_MAX} characters.`)
  .regex(/^[a-z][a-z0-9-]*$/, "Name must start with a lower-case letter and use only lower-case letters, digits and hyphens.");

export function cloudFormationStackName(stackName: string, stageName: string): string {
  return `${stackName}-${stageName}`;
}

/** One change set per deployment, named after it: creating it again after a crash finds the same one. */
export function changeSetName(deploymentId: string): string {
  return `lambdaplane-${deploymentId}`;
}

/** CloudFormation's idempotency token for the deployment's stack operation (execute, cancel or delete). */
export function clientRequestToken(deploymentId: string, operation: "execute" | "cancel" | "delete"): string {
  return `lambdaplane-${operation}-${deploymentId}`;
}
