"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { deleteStack as remove } from "@/server/stacks/mutations";

export const deleteStack = defineAction({
  action: "stack.delete",
  mode: "write",
  permission: "stack:delete",
  input: z.object({ orgSlug: z.string(), stackId: z.string().min(1), confirmation: z.string() }),
  async run({ tx, org }, { stackId, confirmation }) {
    const removed = await remove(tx, org.id, stackId, confirmation);
    return { data: null, audit: { targetType: "stack", targetId: stackId, before: removed } };
  },
});
