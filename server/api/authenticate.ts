import "server-only";
import type { Db } from "@/server/db/types";
import type { Role } from "@/lib/auth/permissions";
import { bearerToken, hashApiToken } from "@/server/tokens/token";

// Who a REST API request acts as: the API token in its Authorization header, on behalf of the
// person who created it, with at most that person's current role in the token's organization.

export interface ApiCaller {
  token: { id: string; name: string; scopes: string[] };
  org: { id: string; slug: string; name: string };
  /** The token's creator: what the request may do is also bounded by their role. */
  actor: { id: string; email: string };
  role: Role;
}

export type Authentication = { ok: true; caller: ApiCaller } | { ok: false; error: string };

// lastUsedAt is a hint for people reviewing tokens, not a log: one write a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiToken(client: Db, authorization: string | null, now: Date = new Date()): Promise<Authentication> {
  const secret = bearerToken(authorization);
  if (!secret) return { ok: false, error: "Send an API token as 'Authorization: Bearer <token>'. Create one under Settings → API tokens." };
  const token = await client.apiToken.findUnique({
    where: { tokenHash: hashApiToken(secret) },
    include: { organization: { select: { id: true, slug: true, name: true } } },
  });
  if (!token) return { ok: false, error: "The API token is not valid." };
  if (token.revokedAt) return { ok: false, error: `The API token ${token.name} was revoked on ${token.revokedAt.toISOString()}.` };
  if (token.expiresAt && token.expiresAt <= now) return { ok: false, error: `The API token ${token.name} expired on ${token.expiresAt.toISOString()}.` };
  const creator = token.createdById
    ? await client.membership.findFirst({
        where: { userId: token.createdById, organizationId: token.organizationId },
        select: { role: true, user: { select: { id: true, email: true } } },
      })
    : null;
  if (!creator) return { ok: false, error: `The API token ${token.name} belongs to someone who is no longer a member of ${token.organization.name}.` };
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await client.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    ok: true,
    caller: { token: { id: token.id, name: token.name, scopes: token.scopes }, org: token.organization, actor: creator.user, role: creator.role },
  };
}
