"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { deleteRevisionsBefore } from "@/server/stacks/delete-revisions";

/**
 * Deletes a stack's revisions older than revision `before` (with their finished deployments), keeping
 * the latest and those stages run, last ran or are deploying (server/stacks/delete-revisions.ts): how
 * an organization at its revision limits makes room. Deleting history is for the people who may delete the stack.
 */
export const deleteOldRevisions = defineAction({
  action: "stack.revision.delete_old",
  mode: "write",
  permission: "stack:delete",
  input: z.object({ orgSlug: z.string(), stackId: z.string().min(1), before: z.number().int().min(2, "Revision 1 has no older revisions.") }),
  async run({ tx, org }, { stackId, before }) {
    const result = await deleteRevisionsBefore(tx, org.id, stackId, before);
    return { data: result, audit: { targetType: "stack", targetId: stackId, before: { olderThan: before, deletedRevisions: result.deleted, keptDeployed: result.keptDeployed, deletedDeployments: result.deletedDeployments, freedBytes: result.freedBytes } } };
  },
});
