import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db/types";
import { encryptSecret } from "@/server/crypto";
import { invalid } from "@/server/auth/errors";
import { ROLES } from "@/lib/auth/permissions";
import { checkDiscovery } from "./discovery";

export const ssoSettingsInput = z.object({
  issuer: z.url("Enter the issuer URL, e.g. https://your-org.okta.com."),
  clientId: z.string().trim().min(1, "Client ID is required.").max(500),
  // Empty keeps the saved secret: the page never receives it back.
  clientSecret: z.string().max(2000).optional(),
  defaultRole: z.enum(ROLES).refine((r) => r !== "owner", "New members cannot join as owner."),
  enforced: z.boolean(),
});
export type SsoSettingsInput = z.infer<typeof ssoSettingsInput>;

/** Checks the issuer over the network: call it before the transaction that saves, never inside one. */
export async function discoverIssuer(issuer: string): Promise<string> {
  const discovery = await checkDiscovery(issuer);
  if (!discovery.ok) throw invalid("issuer", discovery.message);
  return discovery.issuer;
}

/** `issuer` is what discoverIssuer returned for input.issuer. */
export async function saveSsoConnection(tx: Db, organizationId: string, input: SsoSettingsInput, issuer: string) {
  const existing = await tx.ssoConnection.findFirst({ where: { organizationId }, orderBy: { createdAt: "asc" } });
  const secret = input.clientSecret?.trim();
  if (!existing && !secret) throw invalid("clientSecret", "Client secret is required.");
  const data = {
    issuer,
    clientId: input.clientId,
    defaultRole: input.defaultRole,
    enforced: input.enforced,
    ...(secret ? { clientSecretEncrypted: encryptSecret(secret) } : {}),
  };
  const saved = existing
    ? await tx.ssoConnection.update({ where: { id: existing.id }, data })
    : await tx.ssoConnection.create({ data: { organizationId, clientSecretEncrypted: encryptSecret(secret!), ...data } });
  const summary = (c: typeof saved | null) =>
    c && { issuer: c.issuer, clientId: c.clientId, defaultRole: c.defaultRole, enforced: c.enforced };
  return { id: saved.id, before: summary(existing), after: { ...summary(saved), secretChanged: Boolean(secret) } };
}

export async function deleteSsoConnection(tx: Db, organizationId: string) {
  const existing = await tx.ssoConnection.findFirst({ where: { organizationId } });
  if (!existing) return null;
  await tx.ssoConnection.delete({ where: { id: existing.id } });
  return { id: existing.id, issuer: existing.issuer };
}
