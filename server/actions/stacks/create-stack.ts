"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { stackNameSchema } from "@/server/stacks/names";
import { createStack as create } from "@/server/stacks/mutations";

export const createStack = defineAction({
  action: "stack.create",
  permission: "stack:create",
  input: z.object({ orgSlug: z.string(), name: stackNameSchema }),
  async run({ tx, org, user }, { name }) {
    const stack = await create(tx, org.id, name, user.id);
    return { data: stack, audit: { targetType: "stack", targetId: stack.id, after: { name } } };
  },
});
