"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { ActionError } from "@/server/auth/errors";
import { emailSchema } from "@/server/auth/email";
import { ROLES } from "@/lib/auth/permissions";
import { recordAudit } from "@/server/audit/record";
import { createInvitation, revokeInvitation } from "@/server/invitations/mutations";
import { invitationUrl } from "@/server/invitations/token";
import { sendInvitationEmail, smtpConfigured } from "@/server/invitations/email";
import { redactSecrets } from "@/server/redact/error-for-log";
import { assertWithinLimit } from "@/server/rate-limit/action-limit";

export const inviteMember = defineAction({
  action: "invitation.create",
  mode: "write",
  permission: "member:manage",
  input: z.object({ orgSlug: z.string(), email: emailSchema, role: z.enum(ROLES) }),
  // Without SMTP the inviter copies the link; with it, every invitation is a message from the operator's server.
  prepare: async ({ org }) => (smtpConfigured() ? assertWithinLimit("invitationEmail", { kind: "organization", value: org.id }) : undefined),
  async run({ tx, org, role: actorRole, user }, { email, role }) {
    const inv = await createInvitation(tx, { organizationId: org.id, actorRole, invitedById: user.id, email, role });
    const link = invitationUrl(process.env.NEXTAUTH_URL ?? "http://localhost:3000", inv.token);
    const emailed = smtpConfigured();
    return {
      data: { id: inv.id, email, role, expiresAt: inv.expiresAt.toISOString(), emailed, link: link as string | null },
      audit: { targetType: "invitation", targetId: inv.id, after: { email, role, emailed } },
    };
  },
  // The mail goes out once the invitation exists (a committed row), and the SMTP conversation holds
  // no database connection. A refused message revokes the invitation: nothing unusable is left behind.
  async afterCommit({ db, org, user }, data) {
    if (!data.emailed || !data.link) return data;
    try {
      await sendInvitationEmail({ to: data.email, orgName: org.name, role: data.role, link: data.link, invitedBy: user.email });
      return { ...data, link: null };
    } catch (e) {
      // Revoked first: should the audit insert fail, the safe half has happened.
      const revoked = await revokeInvitation(db, org.id, data.id);
      await recordAudit(db, { organizationId: org.id, actor: user, action: "invitation.revoke", targetType: "invitation", targetId: data.id, before: revoked, after: { reason: "the mail server refused the invitation" } });
      const reason = redactSecrets((e as Error).message ?? String(e));
      throw new ActionError(400, `email: the invitation could not be sent (${reason}).`, { email: "The mail server refused the message." });
    }
  },
});
