"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { createApiToken as create } from "@/server/tokens/mutations";
import { MAX_TOKEN_DAYS, MIN_TOKEN_DAYS, TOKEN_SCOPES } from "@/lib/tokens/scopes";

/** Creates an API token for the REST API and the CLI; the answer carries the token, shown once. */
export const createApiToken = defineAction({
  action: "token.create",
  mode: "write",
  permission: "token:manage",
  input: z.object({
    orgSlug: z.string(),
    name: z.string().trim().min(1, "give the token a name").max(100, "a name is limited to 100 characters"),
    scopes: z.array(z.enum(TOKEN_SCOPES, "a scope is read, plan, deploy or admin")).min(1, "choose at least one scope"),
    expiresInDays: z
      .number("choose when the token expires")
      .int("a whole number of days")
      .min(MIN_TOKEN_DAYS, `at least ${MIN_TOKEN_DAYS} days`)
      .max(MAX_TOKEN_DAYS, `at most ${MAX_TOKEN_DAYS} days`),
  }),
  async run({ tx, org, user }, input) {
    const created = await create(tx, org.id, input, user.id);
    return {
      data: created,
      audit: {
        targetType: "api_token",
        targetId: created.id,
        after: { name: created.name, prefix: created.prefix, scopes: created.scopes, expiresAt: created.expiresAt?.toISOString() ?? null },
      },
    };
  },
});
