"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { revokeApiToken as revoke } from "@/server/tokens/mutations";

/** Revokes a token at once: its next request gets 401. */
export const revokeApiToken = defineAction({
  action: "token.revoke",
  mode: "write",
  permission: "token:manage",
  input: z.object({ orgSlug: z.string(), tokenId: z.string().min(1) }),
  async run({ tx, org }, { tokenId }) {
    const revoked = await revoke(tx, org.id, tokenId);
    return { data: null, audit: { targetType: "api_token", targetId: tokenId, before: revoked } };
  },
});
