import "server-only";
import type { Db } from "@/server/db/types";
import type { Prisma } from "@/server/db/generated/client";
import type { WebhookNotification } from "@/lib/notifications/events";
import { enqueueDelivery } from "./queue";

// Every delivery starts here, whatever asked for it (a status change, "Send test delivery",
// "Redeliver"): a row with its payload, and a job on the notify queue in the same transaction, so
// all of them go through the one worker, signing and outbound guard.

export interface DeliveryRow {
  targetId: string;
  deploymentId: string | null;
  event: string;
  test?: boolean;
  /** Set for a redelivery: the event it repeats. A new event's id is its first delivery's id. */
  eventId?: string;
  redeliveryOfId?: string;
  statusChangeKey?: string;
}

export async function recordDelivery(
  tx: Db,
  row: DeliveryRow,
  payloadFor: (ids: { deliveryId: string; eventId: string; createdAt: Date }) => WebhookNotification,
): Promise<{ id: string; eventId: string }> {
  // The payload carries the delivery's id, which exists once the row does.
  const created = await tx.notificationDelivery.create({ data: { ...row, eventId: row.eventId ?? "", payload: {} }, select: { id: true, createdAt: true } });
  const eventId = row.eventId ?? created.id;
  const payload = payloadFor({ deliveryId: created.id, eventId, createdAt: created.createdAt });
  await tx.notificationDelivery.update({ where: { id: created.id }, data: { eventId, payload: payload as unknown as Prisma.InputJsonValue } });
  await enqueueDelivery(tx, created.id);
  return { id: created.id, eventId };
}
