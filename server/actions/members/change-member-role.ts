"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { ROLES } from "@/lib/auth/permissions";
import { changeMemberRole as change } from "@/server/members/mutations";

export const changeMemberRole = defineAction({
  action: "member.change_role",
  mode: "write",
  permission: "member:manage",
  input: z.object({ orgSlug: z.string(), membershipId: z.string().min(1), role: z.enum(ROLES) }),
  async run({ tx, org, role: actorRole }, { membershipId, role }) {
    const r = await change(tx, org.id, actorRole, membershipId, role);
    return {
      data: { role: r.after },
      audit: { targetType: "membership", targetId: membershipId, before: { email: r.email, role: r.before }, after: { email: r.email, role: r.after, revokedInvitations: r.revokedInvitations } },
    };
  },
});
