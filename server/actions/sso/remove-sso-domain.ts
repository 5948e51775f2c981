"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { removeSsoDomain as remove } from "@/server/sso/domains";

export const removeSsoDomain = defineAction({
  action: "sso_domain.remove",
  mode: "write",
  permission: "sso:manage",
  input: z.object({ orgSlug: z.string(), id: z.string().min(1).max(100) }),
  async run({ tx, org }, input) {
    const removed = await remove(tx, org.id, input.id);
    return {
      data: null,
      audit: { targetType: "sso_domain", targetId: removed.id, before: { domain: removed.domain, verified: Boolean(removed.verifiedAt) } },
    };
  },
});
