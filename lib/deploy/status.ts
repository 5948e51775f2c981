// The deployment state machine: which status may follow which, per operation. Pure.

export const DEPLOYMENT_STATUSES = [
  "queued",
  "packaging",
  "uploading",
  "creating_change_set",
  "awaiting_approval",
  "executing",
  "succeeded",
  "no_changes",
  "failed",
  "rolled_back",
  "cancelled",
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];
export type DeploymentOperation = "deploy" | "destroy";

export const TERMINAL_STATUSES = ["succeeded", "no_changes", "failed", "rolled_back", "cancelled"] as const satisfies readonly DeploymentStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export function isTerminal(status: DeploymentStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

/** Before CloudFormation starts changing the stack: a cancel simply ends the deployment. */
export const PRE_EXECUTION_STATUSES = ["queued", "packaging", "uploading", "creating_change_set", "awaiting_approval"] as const satisfies readonly DeploymentStatus[];

const DEPLOY: Record<DeploymentStatus, readonly DeploymentStatus[]> = {
  queued: ["packaging", "failed", "cancelled"],
  packaging: ["uploading", "failed", "cancelled"],
  uploading: ["creating_change_set", "failed", "cancelled"],
  creating_change_set: ["awaiting_approval", "executing", "no_changes", "failed", "cancelled"],
  awaiting_approval: ["executing", "failed", "cancelled"],
  executing: ["succeeded", "failed", "rolled_back", "cancelled"],
  succeeded: [],
  no_changes: [],
  failed: [],
  rolled_back: [],
  cancelled: [],
};

// Deleting a stage's stack: straight to CloudFormation; "succeeded" from queued when there is no stack.
const DESTROY: Record<DeploymentStatus, readonly DeploymentStatus[]> = {
  ...DEPLOY,
  queued: ["executing", "succeeded", "failed", "cancelled"],
  packaging: [],
  uploading: [],
  creating_change_set: [],
  awaiting_approval: [],
  executing: ["succeeded", "failed"],
};

export function nextStatuses(operation: DeploymentOperation, from: DeploymentStatus): readonly DeploymentStatus[] {
  return (operation === "deploy" ? DEPLOY : DESTROY)[from];
}

export function canTransition(operation: DeploymentOperation, from: DeploymentStatus, to: DeploymentStatus): boolean {
  return nextStatuses(operation, from).includes(to);
}

/** The statuses a deployment may be in when it moves to `to`. */
export function statusesBefore(operation: DeploymentOperation, to: DeploymentStatus): DeploymentStatus[] {
  return DEPLOYMENT_STATUSES.filter((from) => canTransition(operation, from, to));
}
