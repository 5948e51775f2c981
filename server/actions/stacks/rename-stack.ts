"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { stackNameSchema } from "@/lib/names";
import { renameStack as rename } from "@/server/stacks/mutations";

export const renameStack = defineAction({
  action: "stack.rename",
  mode: "write",
  permission: "stack:update",
  input: z.object({ orgSlug: z.string(), stackId: z.string().min(1), name: stackNameSchema }),
  async run({ tx, org }, { stackId, name }) {
    const { before, after } = await rename(tx, org.id, stackId, name);
    return { data: { name: after }, audit: { targetType: "stack", targetId: stackId, before: { name: before }, after: { name: after } } };
  },
});
