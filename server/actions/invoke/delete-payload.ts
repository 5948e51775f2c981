"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { deletePayload as remove } from "@/server/invoke/saved-payloads";

export const deletePayload = defineAction({
  action: "payload.delete",
  mode: "write",
  permission: "function:invoke",
  input: z.object({ orgSlug: z.string(), payloadId: z.string().min(1) }),
  async run({ tx, org }, { payloadId }) {
    const removed = await remove(tx, org.id, payloadId);
    return { data: { id: removed.id }, audit: { targetType: "saved_payload", targetId: removed.id, before: { functionName: removed.functionName, name: removed.name } } };
  },
});
