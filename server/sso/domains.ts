import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/types";
import { ActionError, invalid, notFound } from "@/server/auth/errors";
import { isUniqueViolation } from "@/server/db/errors";
import { TENANT_LIMITS } from "@/server/tenant-limits";
import type { ProofResult } from "./domain-proof";

// An organization's claims on email domains, and their verification. The DNS lookup itself is
// server/sso/domain-proof.ts; these functions only read and write rows.

const newChallengeToken = () => randomBytes(24).toString("base64url");

const takenMessage = (domain: string) =>
  `${domain} is already verified by another organization: a domain routes sign-in for one organization only. ` +
  "If it is yours, have that organization remove it first.";

export async function addSsoDomain(tx: Db, organizationId: string, domain: string) {
  // Serialises concurrent adds of one organization so the bound holds.
  await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
  if ((await tx.ssoDomain.count({ where: { organizationId } })) >= TENANT_LIMITS.ssoDomainsPerOrganization) {
    throw invalid("domain", `An organization can claim at most ${TENANT_LIMITS.ssoDomainsPerOrganization} domains; remove one first.`);
  }
  try {
    return await tx.ssoDomain.create({ data: { organizationId, domain, challengeToken: newChallengeToken() }, select: { id: true, domain: true } });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid("domain", `${domain} is already in this organization's list.`);
    throw e;
  }
}

export async function removeSsoDomain(tx: Db, organizationId: string, id: string) {
  const row = await tx.ssoDomain.findFirst({ where: { id, organizationId }, select: { id: true, domain: true, verifiedAt: true } });
  if (!row) throw notFound("This domain is not in this organization's list.");
  await tx.ssoDomain.delete({ where: { id: row.id } });
  return row;
}

/** What a verification needs to know before it looks anything up: the claim, and whether another organization holds it. */
export async function domainToVerify(client: Db, organizationId: string, id: string) {
  const row = await client.ssoDomain.findFirst({ where: { id, organizationId }, select: { id: true, domain: true, challengeToken: true, verifiedAt: true } });
  if (!row) throw notFound("This domain is not in this organization's list.");
  if (!row.verifiedAt) {
    const holder = await client.ssoDomain.findUnique({ where: { verifiedDomain: row.domain }, select: { organizationId: true } });
    if (holder && holder.organizationId !== organizationId) throw new ActionError(409, takenMessage(row.domain), { domain: takenMessage(row.domain) });
  }
  return row;
}

export type DomainCheckOutcome = { verified: true } | { verified: false; reason: string };

/** Records the outcome of a DNS check: a success verifies the claim (the unique index refuses a second owner). */
export async function recordDomainCheck(tx: Db, id: string, domain: string, proof: ProofResult, verifiedBy: string): Promise<DomainCheckOutcome> {
  const now = new Date();
  if (!proof.ok) {
    await tx.ssoDomain.update({ where: { id }, data: { lastCheckedAt: now, lastError: proof.reason } });
    return { verified: false, reason: proof.reason };
  }
  try {
    await tx.ssoDomain.update({ where: { id }, data: { lastCheckedAt: now, lastError: null, verifiedAt: now, verifiedBy, verifiedDomain: domain } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ActionError(409, takenMessage(domain), { domain: takenMessage(domain) });
    throw e;
  }
  return { verified: true };
}
