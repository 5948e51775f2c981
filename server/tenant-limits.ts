import "server-only";
import { ActionError } from "@/server/auth/errors";
import { formatBytes } from "@/lib/functions/format";

// How much one organization may store of each thing that grows with use, so no tenant can fill the
// shared database. Far above real use; each refusal names the limit. The count is checked before
// the insert in the same transaction: two racing inserts may pass it by one, never by more than
// the number of requests racing.

export const TENANT_LIMITS = {
  stacksPerOrganization: 500,
  /** A save stores a whole revision; each save from an edit in the browser or a deploy token's loop is one. */
  revisionsPerStack: 1000,
  /**
   * UTF-8 bytes of YAML and handler code kept in all revisions of an organization's stacks (the
   * StackRevision.bytes column, summed). One revision may hold 1 MB of YAML and 10 MB of code, so
   * without it a token looping saves fills the shared database; 1 GiB is ~20,000 revisions of a
   * typical 50 KB stack. The parsed definition stored beside the YAML is proportional to it.
   */
  revisionBytesPerOrganization: 1024 * 1024 * 1024,
  stagesPerStack: 25,
  notificationTargetsPerStage: 20,
  activeApiTokensPerOrganization: 100,
  /**
   * Organizations a user owns. Every other limit here, and the compute pool's one-job-per-organization
   * fairness, is per organization: a user creating organizations at will would multiply them all.
   * 10 leaves room for separate teams or environments of one person.
   */
  organizationsPerUser: 10,
  /** Each is a DNS check and a row every sign-in may read. */
  ssoDomainsPerOrganization: 20,
  /** Not yet accepted or revoked, expired ones included (the Members page lists them to revoke). */
  openInvitationsPerOrganization: 200,
  savedPayloadsPerFunction: 50,
  /** Function names are the caller's word (a stage may run functions an older revision had), so the stack needs its own cap. */
  savedPayloadsPerStack: 200,
  /** Far below Lambda's 6 MB request quota: a saved payload is an example to start from, not a data set. */
  savedPayloadBytes: 256 * 1024,
} as const;

/** 400 on `field` when `count` already reached `limit`: "at most 25 stages per stack". */
export function assertRoom(count: number, limit: number, field: string, what: string, remedy = "delete one first"): void {
  if (count >= limit) throw new ActionError(400, `${field}: at most ${limit} ${what}; ${remedy}.`, { [field]: `at most ${limit} ${what}` });
}

/** 400 on `field` when adding `bytes` to the `used` ones would pass `limit`: "at most 1 GB of ...". */
export function assertBytesRoom(used: number, bytes: number, limit: number, field: string, what: string, remedy: string): void {
  if (used + bytes <= limit) return;
  const problem = `at most ${formatBytes(limit)} of ${what} (${formatBytes(used)} stored, this adds ${formatBytes(bytes)})`;
  throw new ActionError(400, `${field}: ${problem}; ${remedy}.`, { [field]: problem });
}
