"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { queueRedelivery } from "@/server/notifications/manual-deliveries";
import { assertWithinLimit } from "@/server/rate-limit/action-limit";

/** Sends a past delivery's payload again: a new delivery id, the same event id. */
export const redeliverNotification = defineAction({
  action: "notification_delivery.redeliver",
  mode: "write",
  permission: "stage:manage",
  input: z.object({ orgSlug: z.string(), deliveryId: z.string().min(1, "choose a delivery").max(64, "a delivery id is at most 64 characters") }),
  prepare: ({ org }) => assertWithinLimit("manualDelivery", { kind: "organization", value: org.id }),
  async run({ tx, org }, { deliveryId }) {
    const sent = await queueRedelivery(tx, org.id, deliveryId);
    return {
      data: { deliveryId: sent.deliveryId, eventId: sent.eventId },
      audit: {
        targetType: "notification_delivery",
        targetId: sent.redeliveryOf,
        after: { event: sent.event, eventId: sent.eventId, deliveryId: sent.deliveryId, kind: sent.target.kind, url: sent.target.urlHint },
      },
    };
  },
});
