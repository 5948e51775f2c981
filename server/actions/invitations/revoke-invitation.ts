"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { revokeInvitation as revoke } from "@/server/invitations/mutations";

export const revokeInvitation = defineAction({
  action: "invitation.revoke",
  mode: "write",
  permission: "member:manage",
  input: z.object({ orgSlug: z.string(), invitationId: z.string().min(1) }),
  async run({ tx, org }, { invitationId }) {
    const revoked = await revoke(tx, org.id, invitationId);
    return { data: null, audit: { targetType: "invitation", targetId: invitationId, before: revoked } };
  },
});
