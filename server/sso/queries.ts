import "server-only";
import type { Db } from "@/server/db/types";

export async function enforcedSsoConnectionId(client: Db, orgSlug: string): Promise<string | null> {
  const c = await client.ssoConnection.findFirst({ where: { enforced: true, organization: { slug: orgSlug } }, select: { id: true } });
  return c?.id ?? null;
}

/** The organization's connection as its settings page shows it: the secret never leaves the server. */
export async function ssoSettings(client: Db, organizationId: string) {
  const c = await client.ssoConnection.findFirst({ where: { organizationId }, orderBy: { createdAt: "asc" } });
  if (!c) return null;
  return {
    id: c.id,
    issuer: c.issuer,
    clientId: c.clientId,
    hasSecret: c.clientSecretEncrypted.length > 0,
    allowedDomains: c.allowedDomains,
    defaultRole: c.defaultRole,
    enforced: c.enforced,
    updatedAt: c.updatedAt,
  };
}
