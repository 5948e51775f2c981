import "server-only";
import type { Db } from "@/server/db/types";
import { ORG_SSO_PREFIX } from "./config";
import { domainAcceptedBy } from "@/server/sso/domain-routing";
import type { Role } from "./permissions";

export interface SignInIdentity {
  email: string;
  name?: string | null;
  provider: string;
  providerAccountId: string;
}

export type SignInOutcome = { ok: true; userId: string } | { ok: false; reason: "DomainNotAllowed" | "NoEmail" | "SsoRequired" };

/** Upserts the user and links the provider account. */
async function upsertUser(tx: Db, who: SignInIdentity): Promise<string> {
  const user = await tx.user.upsert({
    where: { email: who.email },
    create: { email: who.email, name: who.name ?? null },
    update: who.name ? { name: who.name } : {},
    select: { id: true },
  });
  await tx.account.upsert({
    where: { provider_providerAccountId: { provider: who.provider, providerAccountId: who.providerAccountId } },
    create: { userId: user.id, type: "oauth", provider: who.provider, providerAccountId: who.providerAccountId },
    update: {},
  });
  return user.id;
}

async function joinIfAbsent(tx: Db, userId: string, organizationId: string, role: Role): Promise<void> {
  await tx.membership.upsert({
    where: { userId_organizationId: { userId, organizationId } },
    create: { userId, organizationId, role },
    update: {},
  });
}

/**
 * Signs a person in through an organization's own SSO connection: only emails of the
 * connection's allowed domains get in, and they join that organization with its default role.
 */
export async function signInThroughOrgSso(tx: Db, ssoConnectionId: string, who: SignInIdentity): Promise<SignInOutcome> {
  if (!who.email) return { ok: false, reason: "NoEmail" };
  const conn = await tx.ssoConnection.findUnique({ where: { id: ssoConnectionId } });
  if (!conn || !(await domainAcceptedBy(tx, conn.organizationId, who.email))) return { ok: false, reason: "DomainNotAllowed" };
  if (await enforcedSsoRefuses(tx, who.email, who.provider)) return { ok: false, reason: "SsoRequired" };
  const userId = await upsertUser(tx, who);
  await joinIfAbsent(tx, userId, conn.organizationId, conn.defaultRole);
  return { ok: true, userId };
}

/**
 * An organization that enforces SSO lets its members in only through its own connection: any
 * other way in (the development login, the instance IdP, another organization's SSO) is refused
 * for them.
 */
async function enforcedSsoRefuses(tx: Db, email: string, provider: string): Promise<boolean> {
  const enforced = await tx.ssoConnection.findMany({
    where: { enforced: true, organization: { memberships: { some: { user: { email } } } } },
    select: { id: true },
  });
  return enforced.length > 0 && !enforced.some((c) => provider === `${ORG_SSO_PREFIX}${c.id}`);
}

/** The instance-wide IdP and the development login: the person gets an account, memberships come from invitations or onboarding. */
export async function signInDirect(tx: Db, who: SignInIdentity): Promise<SignInOutcome> {
  if (!who.email) return { ok: false, reason: "NoEmail" };
  if (await enforcedSsoRefuses(tx, who.email, who.provider)) return { ok: false, reason: "SsoRequired" };
  return { ok: true, userId: await upsertUser(tx, who) };
}
