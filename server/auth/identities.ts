import "server-only";
import type { Db } from "@/server/db/types";

// Issuers of the sign-in methods that have no OpenID issuer URL of their own.
export const DEV_LOGIN_ISSUER = "lambdaplane:dev-login";
// Where the migration put the instance IdP's accounts: its URL lives in AUTH_OIDC_ISSUER, which a
// migration cannot read. The first sign-in through that IdP moves them (claimPendingInstanceIdentity).
const PENDING_INSTANCE_ISSUER = "lambdaplane:instance-oidc-pending";

/** An issuer as identities store it: the configured URL without trailing slashes, the form discovery is fetched from. */
export function normalizeIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, "");
}

export async function findIdentity(client: Db, issuer: string, subject: string) {
  return client.identity.findUnique({ where: { issuer_subject: { issuer: normalizeIssuer(issuer), subject } }, select: { id: true, userId: true } });
}

export async function linkIdentity(client: Db, args: { userId: string; issuer: string; subject: string; email: string }): Promise<void> {
  await client.identity.create({ data: { ...args, issuer: normalizeIssuer(args.issuer) } });
}

/** An identity of the instance IdP migrated from before identities had issuers takes the configured issuer. */
export async function claimPendingInstanceIdentity(client: Db, issuer: string, subject: string): Promise<void> {
  if (await findIdentity(client, issuer, subject)) return;
  await client.identity.updateMany({ where: { issuer: PENDING_INSTANCE_ISSUER, subject }, data: { issuer: normalizeIssuer(issuer) } });
}

export async function listIdentities(client: Db, userId: string) {
  return client.identity.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { id: true, issuer: true, email: true, createdAt: true } });
}
