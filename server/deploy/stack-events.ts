import type { StackEvent } from "@aws-sdk/client-cloudformation";
import type { DeploymentOperation, TerminalStatus } from "@/lib/deploy/status";

// Reading a CloudFormation operation from its stack events and status. Pure.

/** A row for the deployment timeline; `eventKey` makes appending it idempotent. */
export interface TimelineEvent {
  kind: string;
  eventKey: string;
  at?: Date;
  logicalId?: string | null;
  resourceType?: string | null;
  status?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export const cfnEventKey = (eventId: string) => `cfn:${eventId}`;

/**
 * DescribeStackEvents lists the newest first. The events up to (not including) the first one in
 * `stopAt` (the newest event already stored, or the baseline taken before the operation started)
 * or the first one older than `notBefore`, oldest first; `reachedStop` says whether the page held
 * such an event (else fetch the next page).
 */
export function eventsUntil(
  newestFirst: readonly StackEvent[],
  stopAt: ReadonlySet<string>,
  notBefore?: Date,
): { events: StackEvent[]; reachedStop: boolean } {
  const events: StackEvent[] = [];
  for (const e of newestFirst) {
    const older = notBefore !== undefined && e.Timestamp !== undefined && e.Timestamp < notBefore;
    if ((e.EventId && stopAt.has(e.EventId)) || older) return { events: events.reverse(), reachedStop: true };
    events.push(e);
  }
  return { events: events.reverse(), reachedStop: false };
}

/** A nested stack of the deployed stack: its logical id in the root, and its stack id (physical id there). */
export interface NestedStackRef {
  logicalId: string;
  stackId: string;
}

/** `from`: the nested stack the event was read from; the root's own events have none. */
export function timelineEvent(e: StackEvent, from?: NestedStackRef): TimelineEvent {
  return {
    kind: "resource",
    eventKey: cfnEventKey(e.EventId ?? ""),
    at: e.Timestamp,
    logicalId: e.LogicalResourceId ?? null,
    resourceType: e.ResourceType ?? null,
    status: e.ResourceStatus ?? null,
    reason: e.ResourceStatusReason ?? null,
    data: {
      eventId: e.EventId,
      ...(e.PhysicalResourceId ? { physicalId: e.PhysicalResourceId } : {}),
      ...(from ? { nestedStack: from.logicalId, nestedStackId: from.stackId } : {}),
    },
  };
}

const DEPLOY_OUTCOMES: Record<string, "succeeded" | "rolled_back" | "failed"> = {
  CREATE_COMPLETE: "succeeded",
  UPDATE_COMPLETE: "succeeded",
  IMPORT_COMPLETE: "succeeded",
  ROLLBACK_COMPLETE: "rolled_back",
  UPDATE_ROLLBACK_COMPLETE: "rolled_back",
  IMPORT_ROLLBACK_COMPLETE: "rolled_back",
  CREATE_FAILED: "failed",
  ROLLBACK_FAILED: "failed",
  UPDATE_FAILED: "failed",
  UPDATE_ROLLBACK_FAILED: "failed",
  IMPORT_ROLLBACK_FAILED: "failed",
  DELETE_COMPLETE: "failed",
  DELETE_FAILED: "failed",
};

export interface OperationState {
  /** The stack's status now; undefined when the stack no longer exists. */
  stackStatus: string | undefined;
  /** Statuses of the stack itself in this operation's events (after the baseline). */
  ownStackStatuses: readonly string[];
  cancelRequested: boolean;
}

/**
 * Whether the operation has ended and how. A terminal stack status counts only once this
 * operation's own events show the stack reaching it: right after ExecuteChangeSet or DeleteStack,
 * DescribeStacks may still report the previous operation's final status.
 */
export function operationOutcome(operation: DeploymentOperation, state: OperationState): TerminalStatus | undefined {
  const { stackStatus, ownStackStatuses } = state;
  if (operation === "destroy") {
    if (stackStatus === undefined || (stackStatus === "DELETE_COMPLETE" && ownStackStatuses.includes("DELETE_COMPLETE"))) return "succeeded";
    if (stackStatus === "DELETE_FAILED" && ownStackStatuses.includes("DELETE_FAILED")) return "failed";
    return undefined;
  }
  if (stackStatus === undefined) return "failed";
  const outcome = DEPLOY_OUTCOMES[stackStatus];
  if (!outcome || !ownStackStatuses.includes(stackStatus)) return undefined;
  if (outcome === "rolled_back" && state.cancelRequested && stackStatus === "UPDATE_ROLLBACK_COMPLETE") return "cancelled";
  return outcome;
}
