import "server-only";
import type { Db } from "@/server/db/types";
import { ActionError, notFound } from "@/server/auth/errors";
import type { WebhookNotification } from "@/lib/notifications/events";
import { recordDelivery } from "./record-delivery";

// What people send by hand from the delivery log: a test ping to a target, and a past delivery
// again. Both are ordinary deliveries (queue, worker, signature, outbound guard), looked up only
// inside the caller's organization.

/** Queues a "ping" to one target, marked test: a receiver can be checked before any deploy. */
export async function queueTestDelivery(tx: Db, organizationId: string, targetId: string) {
  const target = await tx.notificationTarget.findFirst({
    where: { id: targetId, stage: { stack: { organizationId } } },
    select: { id: true, kind: true, urlHint: true, stage: { select: { name: true, stack: { select: { name: true, organization: { select: { slug: true, name: true } } } } } } },
  });
  if (!target) throw notFound("Notification target not found.");
  const { stage } = target;
  const delivery = await recordDelivery(tx, { targetId: target.id, deploymentId: null, event: "ping", test: true }, ({ deliveryId, eventId, createdAt }) => ({
    event: "ping",
    test: true,
    eventId,
    deliveryId,
    occurredAt: createdAt.toISOString(),
    organization: stage.stack.organization,
    stack: stage.stack.name,
    stage: stage.name,
  }));
  return { deliveryId: delivery.id, target: { id: target.id, kind: target.kind, urlHint: target.urlHint }, stack: stage.stack.name, stage: stage.name };
}

/**
 * Queues the same stored payload again under a new delivery id; the event id stays, so a receiver
 * that already took the event can drop it. A delivery still being retried is refused: it has not
 * ended, and sending it twice at once helps nobody.
 */
export async function queueRedelivery(tx: Db, organizationId: string, deliveryId: string) {
  const original = await tx.notificationDelivery.findFirst({
    where: { id: deliveryId, target: { stage: { stack: { organizationId } } } },
    select: { id: true, targetId: true, deploymentId: true, event: true, eventId: true, test: true, status: true, payload: true, target: { select: { kind: true, urlHint: true } } },
  });
  if (!original) throw notFound("Delivery not found.");
  if (original.status === "pending") throw new ActionError(409, "This delivery is still being sent (it is retried until it succeeds or its retries run out); redeliver it once it has ended.");
  const stored = original.payload as unknown as WebhookNotification;
  const delivery = await recordDelivery(
    tx,
    { targetId: original.targetId, deploymentId: original.deploymentId, event: original.event, test: original.test, eventId: original.eventId, redeliveryOfId: original.id },
    ({ deliveryId: id, eventId }) => ({ ...stored, eventId, deliveryId: id }),
  );
  return { deliveryId: delivery.id, eventId: delivery.eventId, redeliveryOf: original.id, event: original.event, target: original.target };
}
