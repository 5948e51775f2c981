// Names the deploy pipeline gives things in AWS. Pure.

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
