"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { removeMember as remove } from "@/server/members/mutations";

export const removeMember = defineAction({
  action: "member.remove",
  mode: "write",
  permission: "member:manage",
  input: z.object({ orgSlug: z.string(), membershipId: z.string().min(1) }),
  async run({ tx, org, role }, { membershipId }) {
    const removed = await remove(tx, org.id, role, membershipId);
    return { data: null, audit: { targetType: "membership", targetId: membershipId, before: removed } };
  },
});
