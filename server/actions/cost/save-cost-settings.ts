"use server";
import { z } from "zod";
import { PRICED_REGIONS } from "@/lib/cost";
import { defineAction } from "@/server/actions/define-action";
import { latestDefinition, saveCostSettings as save } from "@/server/cost/mutations";

// Far above any stack's usage entries; keeps a request small.
const MAX_USAGE_ENTRIES = 2000;

/** Saves the usage assumptions (and region, free tier) a stack's cost estimates use. */
export const saveCostSettings = defineAction({
  action: "stack.cost_settings.save",
  mode: "write",
  permission: "stack:update",
  input: z.object({
    orgSlug: z.string(),
    stackId: z.string().min(1),
    region: z.enum(PRICED_REGIONS, { error: `choose one of ${PRICED_REGIONS.join(", ")}` }),
    freeTier: z.boolean(),
    usage: z
      .record(z.string(), z.unknown())
      .refine((u) => Object.keys(u).length <= MAX_USAGE_ENTRIES, `at most ${MAX_USAGE_ENTRIES} usage entries`),
  }),
  prepare: ({ db, org }, { stackId }) => latestDefinition(db, org.id, stackId),
  async run({ tx, org, user }, { stackId, region, freeTier, usage }, definition) {
    const { before, after } = await save(tx, org.id, stackId, { region, freeTier, usage }, user.id, definition);
    return { data: after, audit: { targetType: "stack", targetId: stackId, before, after } };
  },
});
