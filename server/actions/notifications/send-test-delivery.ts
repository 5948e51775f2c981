"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { queueTestDelivery } from "@/server/notifications/manual-deliveries";
import { assertWithinLimit } from "@/server/rate-limit/action-limit";

/** Queues a signed "ping" to one notification target, shown in the delivery log marked test. */
export const sendTestDelivery = defineAction({
  action: "notification_target.test",
  mode: "write",
  permission: "stage:manage",
  input: z.object({ orgSlug: z.string(), targetId: z.string().min(1, "choose a notification").max(64, "a notification id is at most 64 characters") }),
  prepare: ({ org }) => assertWithinLimit("manualDelivery", { kind: "organization", value: org.id }),
  async run({ tx, org }, { targetId }) {
    const sent = await queueTestDelivery(tx, org.id, targetId);
    return {
      data: { deliveryId: sent.deliveryId },
      audit: { targetType: "notification_target", targetId, after: { stack: sent.stack, stage: sent.stage, kind: sent.target.kind, url: sent.target.urlHint, deliveryId: sent.deliveryId } },
    };
  },
});
