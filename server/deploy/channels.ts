// PostgreSQL NOTIFY channels of the deploy pipeline. Pure.

/** Every new event or status of a deployment is announced here, for the SSE streams of any web replica. */
export function deploymentChannel(deploymentId: string): string {
  return `lambdaplane_deployment_${deploymentId}`;
}

/** New work for the deploy workers (payload: the deployment id), so they fetch at once instead of at their next poll. */
export const WAKE_CHANNEL = "lambdaplane_deploy_wake";

/** LISTEN takes an identifier, not a parameter: quote it. */
export function quoteChannel(channel: string): string {
  return `"${channel.replace(/"/g, '""')}"`;
}
