import "server-only";
import type { Db } from "@/server/db/types";
import type { Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { queueDeploymentNotifications } from "@/server/notifications/notify";
import { retryingDb } from "./db-retry";
import { insertEvents } from "./events";
import { isTerminal, statusesBefore, type DeploymentOperation, type DeploymentStatus } from "@/lib/deploy/status";

// Deployment rows as the pipeline reads and moves them. Every status change is a compare-and-set
// from the statuses the state machine allows before it, so a step that lost a race (a cancel, a
// second worker) changes nothing and learns so.

export async function loadDeployment(client: Db, deploymentId: string) {
  return client.deployment.findUnique({
    where: { id: deploymentId },
    include: { stage: { include: { stack: true, awsConnection: true } }, revision: true },
  });
}
export type DeploymentRecord = NonNullable<Awaited<ReturnType<typeof loadDeployment>>>;

export interface TransitionOptions {
  /** Other columns to set in the same update. */
  data?: Prisma.DeploymentUpdateManyMutationInput;
  /** Shown on the status row of the timeline. */
  reason?: string;
  /** The raw error text behind `reason`, behind the row's "Details" toggle. */
  details?: string;
  /** Extra writes that must land with the status (same transaction). */
  also?: (tx: Db) => Promise<void>;
}

/** Moves the deployment to `to` inside `tx` if its status allows; false when another actor moved it first. */
export async function transitionIn(
  tx: Db,
  deploymentId: string,
  operation: DeploymentOperation,
  to: DeploymentStatus,
  options: TransitionOptions = {},
): Promise<boolean> {
  const ends = isTerminal(to);
  const { count } = await tx.deployment.updateMany({
    where: { id: deploymentId, status: { in: statusesBefore(operation, to) } },
    data: { ...options.data, status: to, ...(ends ? { activeStageId: null, finishedAt: new Date() } : {}) },
  });
  if (count === 0) return false;
  await insertEvents(tx, deploymentId, [
    { kind: "status", eventKey: `status:${to}`, status: to, reason: options.reason ?? null, ...(options.details ? { data: { details: options.details } } : {}) },
  ]);
  await options.also?.(tx);
  // Deploy notifications (Slack, webhooks): queued with the status change, sent by their own workers.
  await queueDeploymentNotifications(tx, deploymentId, operation, to);
  return true;
}

/** transitionIn() in a transaction of its own, retried on transient database errors (a compare-and-set: a retry after a lost commit answers false). */
export function moveTo(deploymentId: string, operation: DeploymentOperation, to: DeploymentStatus, options: TransitionOptions = {}) {
  return retryingDb(`moving deployment ${deploymentId} to ${to}`, () => db().$transaction((tx) => transitionIn(tx, deploymentId, operation, to, options)));
}
