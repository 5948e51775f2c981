import type { StackResourceSummary } from "@aws-sdk/client-cloudformation";
import { STACK_RESOURCE_TYPE } from "@/lib/deploy/failure";
import { nestedStackOf } from "@/lib/deploy/nested-stack";
import type { NestedStackRef, TimelineEvent } from "./stack-events";

// Where following a deployment's stacks resumes. CloudFormation reports what happens inside a
// nested stack only in that stack's own events, so the pipeline reads each nested stack's events
// beside the root's, resuming every stack after its newest stored event. Pure.

export interface RootEvent {
  logicalId?: string | null;
  resourceType?: string | null;
  data?: unknown;
}

/**
 * The nested stacks this operation touched so far, from the root's events of it: a nested stack's
 * resource events in the root carry its stack id, through a deletion too, and come before any event
 * of its own. A nested stack being created has no stack id until CloudFormation starts it; it is
 * followed from the next read on.
 */
export function nestedStacksTouched(rootName: string, rootEvents: readonly RootEvent[]): NestedStackRef[] {
  const stacks = new Map<string, string>();
  for (const e of rootEvents) {
    const physicalId = (e.data as { physicalId?: unknown } | null)?.physicalId;
    if (e.resourceType !== STACK_RESOURCE_TYPE || !e.logicalId || e.logicalId === rootName || nestedStackOf(e.data) !== null) continue;
    if (typeof physicalId === "string" && physicalId !== "") stacks.set(e.logicalId, physicalId);
  }
  return [...stacks].map(([logicalId, stackId]) => ({ logicalId, stackId }));
}

/** The root's nested stacks as its resources list them now. */
export function nestedStacksIn(resources: readonly StackResourceSummary[]): NestedStackRef[] {
  return resources
    .filter((r) => r.ResourceType === STACK_RESOURCE_TYPE && r.LogicalResourceId && r.PhysicalResourceId)
    .map((r) => ({ logicalId: r.LogicalResourceId!, stackId: r.PhysicalResourceId! }));
}

export interface StoredStackEvent {
  eventKey: string | null;
  at: Date;
  data: unknown;
}

export interface FollowPoint {
  /** The newest stored event of the root stack. */
  rootStop: string | null;
  /** The newest stored event of each nested stack, by its logical id in the root. */
  nestedStops: ReadonlyMap<string, string>;
  /**
   * When the root's first event of this operation happened, null before it has one. A nested
   * stack's events before then belong to earlier operations, and there is no baseline event for
   * it: it may not have existed when the operation started.
   */
  since: Date | null;
}

const eventIdOf = (eventKey: string | null) => (eventKey ?? "").replace(/^cfn:/, "");

/** `stored`: the deployment's stack events in the order they were stored. */
export function followPoint(stored: readonly StoredStackEvent[]): FollowPoint {
  let rootStop: string | null = null;
  let since: Date | null = null;
  const nestedStops = new Map<string, string>();
  for (const e of stored) {
    const nested = nestedStackOf(e.data);
    if (nested) {
      nestedStops.set(nested, eventIdOf(e.eventKey));
      continue;
    }
    rootStop = eventIdOf(e.eventKey);
    since ??= e.at;
  }
  return { rootStop, nestedStops, since };
}

/** One batch for the timeline in the order things happened; events of the same instant keep the order given. */
export function inTimeOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.at?.getTime() ?? 0) - (b.e.at?.getTime() ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}
