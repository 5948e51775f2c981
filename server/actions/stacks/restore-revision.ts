"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { checkRestorable, restoreRevision as restore } from "@/server/stacks/restore";

/**
 * Brings an old revision back as the next revision (history is never rewritten). A baseNumber that
 * is no longer the latest is answered with 409 and details.latest, like a stale save.
 */
export const restoreRevision = defineAction({
  action: "stack.revision.restore",
  mode: "write",
  permission: "stack:update",
  input: z.object({
    orgSlug: z.string(),
    stackId: z.string().min(1),
    number: z.number().int().min(1),
    baseNumber: z.number().int().min(1),
    message: z.string().max(500, "a message is limited to 500 characters").optional(),
  }),
  // The definition is checked in the compute pool before the transaction opens.
  prepare: ({ db, org }, input) => checkRestorable(db, org.id, input.stackId, input.number),
  async run({ tx, org, user }, input, definition) {
    const revision = await restore(tx, org.id, input.stackId, input, definition, user.id);
    return {
      data: { number: revision.number, restoredFrom: revision.restoredFrom },
      audit: { targetType: "stack", targetId: input.stackId, after: { revision: revision.number, restoredFrom: revision.restoredFrom, message: revision.message } },
    };
  },
});
