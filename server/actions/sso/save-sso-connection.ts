"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { discoverIssuer, saveSsoConnection as save, ssoSettingsInput } from "@/server/sso/mutations";

export const saveSsoConnection = defineAction({
  action: "sso.save",
  mode: "write",
  permission: "sso:manage",
  input: ssoSettingsInput.extend({ orgSlug: z.string() }),
  // The issuer's discovery document is fetched before the transaction: a slow or silent IdP must
  // not hold a pooled database connection while it keeps us waiting.
  prepare: (_ctx, input) => discoverIssuer(input.issuer),
  async run({ tx, org }, input, issuer) {
    const r = await save(tx, org.id, input, issuer);
    return { data: { id: r.id }, audit: { targetType: "sso_connection", targetId: r.id, before: r.before, after: r.after } };
  },
});
