import "server-only";
import type { Db } from "@/server/db/types";
import { ActionError, notFound } from "@/server/auth/errors";
import type { TokenScope } from "@/lib/tokens/scopes";
import { newApiToken } from "./token";
import { assertRoom, TENANT_LIMITS } from "@/server/tenant-limits";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a token; the returned `token` is the only time the secret exists outside the caller's hands. */
export async function createApiToken(
  tx: Db,
  organizationId: string,
  input: { name: string; scopes: TokenScope[]; expiresInDays: number },
  createdById: string,
  now: Date = new Date(),
) {
  const active = await tx.apiToken.count({ where: { organizationId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
  assertRoom(active, TENANT_LIMITS.activeApiTokensPerOrganization, "name", "active API tokens per organization (revoke unused ones)");
  const { token, prefix, tokenHash } = newApiToken();
  const row = await tx.apiToken.create({
    data: {
      organizationId,
      name: input.name,
      prefix,
      tokenHash,
      scopes: [...new Set(input.scopes)],
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      createdById,
    },
    select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true },
  });
  return { ...row, token };
}

export async function revokeApiToken(tx: Db, organizationId: string, tokenId: string) {
  const row = await tx.apiToken.findFirst({ where: { id: tokenId, organizationId } });
  if (!row) throw notFound("Token not found.");
  if (row.revokedAt) throw new ActionError(409, `The token ${row.name} was already revoked on ${row.revokedAt.toISOString()}.`);
  await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
  return { name: row.name, prefix: row.prefix, scopes: row.scopes };
}
