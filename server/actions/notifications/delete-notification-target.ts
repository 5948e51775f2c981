"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { deleteNotificationTarget as remove } from "@/server/notifications/targets";

export const deleteNotificationTarget = defineAction({
  action: "notification_target.delete",
  mode: "write",
  permission: "stage:manage",
  input: z.object({ orgSlug: z.string(), targetId: z.string().min(1) }),
  async run({ tx, org }, { targetId }) {
    const removed = await remove(tx, org.id, targetId);
    return { data: null, audit: { targetType: "notification_target", targetId, before: removed } };
  },
});
