"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { invalid } from "@/server/auth/errors";
import { requestIdentityLink } from "@/server/auth/sessions";
import { linkableProviders } from "@/server/auth/linkable-providers";

/**
 * Step one of linking a sign-in method: remembers on this session that its person is about to
 * sign in through `providerId`, so the IdP's callback attaches that identity to them (and only then).
 */
export const startIdentityLink = defineAction({
  action: "identity.link",
  mode: "write",
  permission: null,
  input: z.object({ providerId: z.string().min(1, "choose a sign-in method").max(200, "not a sign-in method") }),
  async run({ tx, user }, { providerId }) {
    const linkable = await linkableProviders(tx, user.id);
    if (!linkable.some((p) => p.id === providerId)) throw invalid("providerId", "That sign-in method cannot be linked to your account.");
    await requestIdentityLink(tx, user.sessionId, providerId);
    return { data: null, audit: null };
  },
});
