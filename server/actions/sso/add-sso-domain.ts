"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { ssoDomainSchema } from "@/server/sso/domain-name";
import { addSsoDomain as add } from "@/server/sso/domains";

export const addSsoDomain = defineAction({
  action: "sso_domain.add",
  mode: "write",
  permission: "sso:manage",
  input: z.object({ orgSlug: z.string(), domain: ssoDomainSchema }),
  async run({ tx, org }, input) {
    const added = await add(tx, org.id, input.domain);
    return { data: added, audit: { targetType: "sso_domain", targetId: added.id, after: { domain: added.domain } } };
  },
});
