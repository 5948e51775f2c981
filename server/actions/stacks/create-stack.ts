"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { stackNameSchema } from "@/lib/names";
import { createStack as create } from "@/server/stacks/mutations";
import { STACK_STARTS } from "@/server/stacks/starter";

export const createStack = defineAction({
  action: "stack.create",
  mode: "write",
  permission: "stack:create",
  input: z.object({ orgSlug: z.string(), name: stackNameSchema, start: z.enum(STACK_STARTS, "Choose starter or empty.").default("starter") }),
  async run({ tx, org, user }, { name, start }) {
    const stack = await create(tx, org.id, name, user.id, start);
    return { data: stack, audit: { targetType: "stack", targetId: stack.id, after: { name, start } } };
  },
});
