"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { saveSsoConnection as save, ssoSettingsInput } from "@/server/sso/mutations";

export const saveSsoConnection = defineAction({
  action: "sso.save",
  permission: "sso:manage",
  input: ssoSettingsInput.extend({ orgSlug: z.string() }),
  async run({ tx, org }, input) {
    const r = await save(tx, org.id, input);
    return { data: { id: r.id }, audit: { targetType: "sso_connection", targetId: r.id, before: r.before, after: r.after } };
  },
});
