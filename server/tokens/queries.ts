import "server-only";
import type { Db } from "@/server/db/types";

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdByEmail: string | null;
  /** Judged by the server's clock when the list is read. */
  state: "active" | "expired" | "revoked";
}

/** The organization's tokens, newest first, without their hashes. */
export async function listApiTokens(client: Db, organizationId: string, now: Date = new Date()): Promise<ApiTokenSummary[]> {
  const rows = await client.apiToken.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdById: true },
  });
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const creators = await client.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, email: true } });
  const emailOf = new Map(creators.map((u) => [u.id, u.email]));
  return rows.map(({ createdById, ...r }) => ({
    ...r,
    createdByEmail: createdById ? (emailOf.get(createdById) ?? null) : null,
    state: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt <= now ? "expired" : "active",
  }));
}
