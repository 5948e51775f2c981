import "server-only";
import type { Db } from "@/server/db/types";
import { ORG_SSO_PREFIX } from "@/server/auth/config";
import { emailDomain } from "@/server/auth/email";
import { unverifiedDomainsTrusted } from "@/server/instance/settings";

/**
 * The organization an email domain sends people to, or null: the one organization that verified
 * the domain by DNS. On an install that trusts unverified domains (LAMBDAPLANE_TRUST_UNVERIFIED_DOMAINS=1),
 * also an unverified claim, but only while no other organization claims the domain: two claims
 * without a proof route nowhere, since neither is more credible than the other.
 */
export async function domainRoutesTo(client: Db, domain: string): Promise<{ organizationId: string } | null> {
  const trusted = unverifiedDomainsTrusted();
  const claims = await client.ssoDomain.findMany({
    where: trusted ? { domain } : { verifiedDomain: domain },
    select: { organizationId: true, verifiedAt: true },
    orderBy: { verifiedAt: { sort: "asc", nulls: "last" } },
    take: 2,
  });
  const [first] = claims;
  if (!first) return null;
  if (first.verifiedAt || claims.length === 1) return { organizationId: first.organizationId };
  return null;
}

/** May this organization's SSO sign people of this email's domain in and add them as members? */
export async function domainAcceptedBy(client: Db, organizationId: string, email: string): Promise<boolean> {
  return (await domainRoutesTo(client, emailDomain(email)))?.organizationId === organizationId;
}

// Every answer takes at least this long, so an anonymous caller cannot tell a routed domain from
// an unknown one by timing (the routed one needs a second query).
export const DISCOVERY_MIN_MS = 150;

/**
 * Where to send this email to sign in: the provider id of the SSO connection of the organization
 * the domain routes to, or null. Nothing else (no organization name, no list), so an anonymous
 * caller learns only where that one email signs in.
 */
export async function ssoProviderForEmail(client: Db, email: string): Promise<string | null> {
  const started = Date.now();
  const route = await domainRoutesTo(client, emailDomain(email));
  const connection = route
    ? await client.ssoConnection.findFirst({ where: { organizationId: route.organizationId }, orderBy: { createdAt: "asc" }, select: { id: true } })
    : null;
  const wait = DISCOVERY_MIN_MS - (Date.now() - started);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  return connection ? `${ORG_SSO_PREFIX}${connection.id}` : null;
}
