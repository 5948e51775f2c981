"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { ActionError } from "@/server/auth/errors";
import { InvitationError, redeemInvitation } from "@/server/invitations/mutations";

/** For someone signed in as the invited email: how an existing account joins (an invitation never signs anyone into one). */
export const acceptInvitation = defineAction({
  action: "invitation.accept",
  mode: "write",
  permission: null,
  input: z.object({ token: z.string().min(1, "The invitation token is missing.") }),
  async run({ tx, user }, { token }) {
    try {
      const r = await redeemInvitation(tx, token, { user, provider: user.provider });
      return {
        data: { orgSlug: r.org.slug },
        organizationId: r.invitation.organizationId,
        audit: { targetType: "invitation", targetId: r.invitation.id, after: { email: r.user.email, role: r.invitation.role } },
      };
    } catch (e) {
      if (e instanceof InvitationError) throw new ActionError(400, e.message);
      throw e;
    }
  },
});
