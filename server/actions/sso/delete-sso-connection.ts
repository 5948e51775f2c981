"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { notFound } from "@/server/auth/errors";
import { deleteSsoConnection as remove } from "@/server/sso/mutations";

export const deleteSsoConnection = defineAction({
  action: "sso.delete",
  mode: "write",
  permission: "sso:manage",
  input: z.object({ orgSlug: z.string() }),
  async run({ tx, org }) {
    const removed = await remove(tx, org.id);
    if (!removed) throw notFound("This organization has no SSO connection.");
    return { data: null, audit: { targetType: "sso_connection", targetId: removed.id, before: { issuer: removed.issuer } } };
  },
});
