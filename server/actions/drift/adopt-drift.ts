"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { prepareAdoption } from "@/server/drift/adoption";
import { can } from "@/lib/auth/permissions";
import { checkDefinition, saveRevision } from "@/server/stacks/revisions";

const MAX_PICKS = 100;

/** Saves the stack's next revision with the chosen live values of a drift check (previewed on the drift adopt page). */
export const adoptDrift = defineAction({
  action: "drift.adopt",
  mode: "write",
  permission: "drift:adopt",
  input: z.object({
    orgSlug: z.string(),
    checkId: z.string().min(1).max(100),
    picks: z.array(z.string().min(1).max(300)).min(1, "picks: choose at least one drift to adopt").max(MAX_PICKS, `picks: at most ${MAX_PICKS} at once`),
    /** The revision the preview was made from: a newer one saved since is a conflict (409). */
    baseNumber: z.number().int().min(1),
  }),
  async prepare({ db, org, role }, input) {
    const adoption = await prepareAdoption(db, org.id, { ...input, revealEnvironment: can(role, "deploy:start") });
    const definition = await checkDefinition(org.id, adoption.stack.name, adoption.yaml);
    return { adoption, definition };
  },
  async run({ tx, org, user }, input, { adoption, definition }) {
    const message = `Adopted live values of stage ${adoption.stageName}: ${adoption.adopted.join(", ")}`.slice(0, 500);
    const revision = await saveRevision(tx, org.id, adoption.stack.id, { baseNumber: input.baseNumber, yaml: adoption.yaml, code: adoption.base.code, message }, definition, user.id);
    return {
      data: revision,
      audit: { targetType: "stack", targetId: adoption.stack.id, after: { revision: revision.number, check: input.checkId, adopted: adoption.adopted } },
    };
  },
});
