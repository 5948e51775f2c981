import "server-only";
import type { Db } from "@/server/db/types";
import type { Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { deploymentChannel } from "./channels";
import { retryingDb } from "./db-retry";
import type { TimelineEvent } from "./stack-events";

// The append-only deployment timeline. Events are keyed (eventKey) so that appending the same one
// again, after a crash or from a second poll, stores nothing; each append NOTIFYs the deployment's
// channel when it stored something.

/**
 * Appends inside `tx`. The deployment row is locked first so that appends to one deployment commit
 * in id order: a stream that has seen event n never misses an event with a smaller id.
 */
export async function insertEvents(tx: Db, deploymentId: string, events: readonly TimelineEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  await tx.$queryRaw`SELECT "id" FROM "Deployment" WHERE "id" = ${deploymentId} FOR UPDATE`;
  const { count } = await tx.deploymentEvent.createMany({
    data: events.map((e) => ({
      deploymentId,
      kind: e.kind,
      eventKey: e.eventKey,
      ...(e.at ? { at: e.at } : {}),
      logicalId: e.logicalId ?? null,
      resourceType: e.resourceType ?? null,
      status: e.status ?? null,
      reason: e.reason ?? null,
      ...(e.data ? { data: e.data as Prisma.InputJsonValue } : {}),
    })),
    skipDuplicates: true,
  });
  if (count > 0) await notifyDeployment(tx, deploymentId);
  return count;
}

export async function notifyDeployment(tx: Db, deploymentId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${deploymentChannel(deploymentId)}, ${deploymentId})`;
}

/** Appends in a transaction of its own, retried on transient database errors (keyed events store nothing twice); returns how many were new. */
export async function appendEvents(deploymentId: string, events: readonly TimelineEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  return retryingDb(`appending events to deployment ${deploymentId}`, () => db().$transaction((tx) => insertEvents(tx, deploymentId, events)));
}

export async function hasEvent(client: Db, deploymentId: string, eventKey: string): Promise<boolean> {
  return (await client.deploymentEvent.count({ where: { deploymentId, eventKey } })) > 0;
}
