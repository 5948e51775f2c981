import "server-only";
import { ActionError } from "@/server/auth/errors";

// How much one organization may store of each thing that grows with use, so no tenant can fill the
// shared database. Far above real use; each refusal names the limit. The count is checked before
// the insert in the same transaction: two racing inserts may pass it by one, never by more than
// the number of requests racing.

export const TENANT_LIMITS = {
  stacksPerOrganization: 500,
  stagesPerStack: 25,
  notificationTargetsPerStage: 20,
  activeApiTokensPerOrganization: 100,
  /** Each is a DNS check and a row every sign-in may read. */
  ssoDomainsPerOrganization: 20,
  /** Not yet accepted or revoked, expired ones included (the Members page lists them to revoke). */
  openInvitationsPerOrganization: 200,
  savedPayloadsPerFunction: 50,
  /** Far below Lambda's 6 MB request quota: a saved payload is an example to start from, not a data set. */
  savedPayloadBytes: 256 * 1024,
} as const;

/** 400 on `field` when `count` already reached `limit`: "at most 25 stages per stack". */
export function assertRoom(count: number, limit: number, field: string, what: string): void {
  if (count >= limit) throw new ActionError(400, `${field}: at most ${limit} ${what}; delete one first.`, { [field]: `at most ${limit} ${what}` });
}
