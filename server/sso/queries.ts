import "server-only";
import type { Db } from "@/server/db/types";
import { challengeRecordName } from "./domain-name";

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
    defaultRole: c.defaultRole,
    enforced: c.enforced,
    updatedAt: c.updatedAt,
  };
}

export type SsoDomainStatus = "verified" | "failed" | "pending";

/** The organization's domains with what to publish in DNS and where each verification stands. */
export async function ssoDomains(client: Db, organizationId: string) {
  const rows = await client.ssoDomain.findMany({ where: { organizationId }, orderBy: { domain: "asc" } });
  return rows.map((d) => ({
    id: d.id,
    domain: d.domain,
    status: (d.verifiedAt ? "verified" : d.lastError ? "failed" : "pending") as SsoDomainStatus,
    reason: d.verifiedAt ? null : d.lastError,
    verifiedAt: d.verifiedAt?.toISOString() ?? null,
    verifiedBy: d.verifiedBy,
    lastCheckedAt: d.lastCheckedAt?.toISOString() ?? null,
    record: { name: challengeRecordName(d.domain), value: d.challengeToken },
  }));
}
export type SsoDomainView = Awaited<ReturnType<typeof ssoDomains>>[number];
