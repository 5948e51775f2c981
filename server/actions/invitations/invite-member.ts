"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { ActionError } from "@/server/auth/errors";
import { emailSchema } from "@/server/auth/email";
import { ROLES } from "@/server/auth/permissions";
import { createInvitation } from "@/server/invitations/mutations";
import { invitationUrl } from "@/server/invitations/token";
import { sendInvitationEmail, smtpConfigured } from "@/server/invitations/email";

export const inviteMember = defineAction({
  action: "invitation.create",
  permission: "member:manage",
  input: z.object({ orgSlug: z.string(), email: emailSchema, role: z.enum(ROLES) }),
  async run({ tx, org, role: actorRole, user }, { email, role }) {
    const inv = await createInvitation(tx, { organizationId: org.id, actorRole, invitedById: user.id, email, role });
    const link = invitationUrl(process.env.NEXTAUTH_URL ?? "http://localhost:3000", inv.token);
    const emailed = smtpConfigured();
    if (emailed) {
      // Sending inside the transaction: if the mail server refuses, no unusable invitation is left behind.
      await sendInvitationEmail({ to: email, orgName: org.name, role, link, invitedBy: user.email }).catch((e: Error) => {
        throw new ActionError(400, `email: the invitation could not be sent (${e.message}).`, { email: "The mail server refused the message." });
      });
    }
    return {
      data: { id: inv.id, email, role, expiresAt: inv.expiresAt.toISOString(), emailed, link: emailed ? null : link },
      audit: { targetType: "invitation", targetId: inv.id, after: { email, role, emailed } },
    };
  },
});
