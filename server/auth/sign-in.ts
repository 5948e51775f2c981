import "server-only";
import type { Db } from "@/server/db/types";
import { DEFAULT_OIDC_PROVIDER_ID, DEV_PROVIDER_ID, defaultOidc } from "./config";
import { domainAcceptedBy } from "@/server/sso/domain-routing";
import { DEV_LOGIN_ISSUER, claimPendingInstanceIdentity, findIdentity, linkIdentity } from "./identities";
import type { Role } from "@/lib/auth/permissions";
import { ssoEnforcementRefuses } from "./sso-enforcement";

/** What a sign-in method says about the person: its provider id, the subject and the email it verified. */
export interface SignInIdentity {
  provider: string;
  providerAccountId: string;
  email: string;
  emailVerified: boolean;
  name?: string | null;
}

export type SignInRefusal =
  | "DomainNotAllowed"
  | "NoEmail"
  | "EmailNotVerified"
  | "SsoRequired"
  | "IdentityNotLinked"
  | "LinkEmailMismatch"
  | "IdentityLinkedElsewhere"
  | "UnknownProvider";

export type SignInOutcome = { ok: true; userId: string } | { ok: false; reason: SignInRefusal };

export interface SignInOptions {
  /** The signed-in user who asked to link this sign-in method: the identity is attached to them or refused. */
  linkTo?: { id: string; email: string };
}

async function joinIfAbsent(tx: Db, userId: string, organizationId: string, role: Role): Promise<void> {
  await tx.membership.upsert({
    where: { userId_organizationId: { userId, organizationId } },
    create: { userId, organizationId, role },
    update: {},
  });
}

/**
 * Finds the user by (issuer, subject). An unknown identity becomes a new user, unless a user with
 * that email exists: it is never attached to them (whoever controls some IdP asserting an email must
 * not become that person); the person links it while signed in the usual way (`opts.linkTo`). The
 * one exception is an account with no identity at all (see `claimsUnlinked`).
 */
async function completeSignIn(
  tx: Db,
  issuer: string,
  who: SignInIdentity,
  opts: SignInOptions & { join?: { organizationId: string; role: Role } },
): Promise<SignInOutcome> {
  if (!who.email) return { ok: false, reason: "NoEmail" };
  if (!who.emailVerified) return { ok: false, reason: "EmailNotVerified" };
  const known = await findIdentity(tx, issuer, who.providerAccountId);
  const sameEmail = known || opts.linkTo ? null : await tx.user.findUnique({ where: { email: who.email }, select: { id: true, _count: { select: { identities: true } } } });
  // An account no identity was ever linked to (made by an invitation, which proves nothing about
  // who opened the link) belongs to whoever an IdP verifies owns the email: the first such sign-in
  // claims it and ends every session opened on it before, e.g. one of an inviter who used the link.
  const claimsUnlinked = sameEmail !== null && sameEmail._count.identities === 0 && issuer !== DEV_LOGIN_ISSUER;
  const userId = opts.linkTo?.id ?? known?.userId ?? sameEmail?.id ?? null;
  // Enforced SSO first: for its members it is the answer that tells them where to go.
  if (await ssoEnforcementRefuses(tx, { userId, joiningOrganizationId: opts.join?.organizationId }, who.provider)) {
    return { ok: false, reason: "SsoRequired" };
  }
  if (opts.linkTo) {
    if (known && known.userId !== opts.linkTo.id) return { ok: false, reason: "IdentityLinkedElsewhere" };
    if (who.email !== opts.linkTo.email) return { ok: false, reason: "LinkEmailMismatch" };
  } else if (sameEmail && !claimsUnlinked) {
    return { ok: false, reason: "IdentityNotLinked" };
  }
  if (claimsUnlinked) await tx.session.deleteMany({ where: { userId: sameEmail.id } });
  const signedIn = userId ?? (await tx.user.create({ data: { email: who.email, name: who.name ?? null }, select: { id: true } })).id;
  if (!known) await linkIdentity(tx, { userId: signedIn, issuer, subject: who.providerAccountId, email: who.email });
  if (opts.join) await joinIfAbsent(tx, signedIn, opts.join.organizationId, opts.join.role);
  return { ok: true, userId: signedIn };
}

/**
 * Signs a person in through an organization's own SSO connection (identities keyed by its issuer):
 * only emails of the connection's allowed domains get in, and they join that organization with
 * its default role.
 */
export async function signInThroughOrgSso(tx: Db, ssoConnectionId: string, who: SignInIdentity, opts: SignInOptions = {}): Promise<SignInOutcome> {
  if (!who.email) return { ok: false, reason: "NoEmail" };
  const conn = await tx.ssoConnection.findUnique({ where: { id: ssoConnectionId } });
  if (!conn || !(await domainAcceptedBy(tx, conn.organizationId, who.email))) return { ok: false, reason: "DomainNotAllowed" };
  return completeSignIn(tx, conn.issuer, who, { ...opts, join: { organizationId: conn.organizationId, role: conn.defaultRole } });
}

/** The instance-wide IdP and the development login: the person gets an account, memberships come from invitations or onboarding. */
export async function signInDirect(tx: Db, who: SignInIdentity, opts: SignInOptions = {}): Promise<SignInOutcome> {
  if (who.provider === DEV_PROVIDER_ID) return completeSignIn(tx, DEV_LOGIN_ISSUER, who, opts);
  const instance = who.provider === DEFAULT_OIDC_PROVIDER_ID ? defaultOidc() : null;
  if (!instance) return { ok: false, reason: "UnknownProvider" };
  await claimPendingInstanceIdentity(tx, instance.issuer, who.providerAccountId);
  return completeSignIn(tx, instance.issuer, who, opts);
}
