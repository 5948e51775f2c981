"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import type { AuditEntry } from "@/server/audit/record";
import { checkDomainProof } from "@/server/sso/domain-proof";
import { domainToVerify, recordDomainCheck, type DomainCheckOutcome } from "@/server/sso/domains";

export const verifySsoDomain = defineAction({
  action: "sso_domain.verify",
  mode: "write",
  permission: "sso:manage",
  input: z.object({ orgSlug: z.string(), id: z.string().min(1).max(100) }),
  async run({ tx, org, user }, input): Promise<{ data: DomainCheckOutcome; audit: AuditEntry | null }> {
    // Steps in this order: read, look up DNS, then write. The lookup (time-limited) comes before any
    // write so it holds no row lock; it still runs inside the wrapper's transaction until the wrapper
    // gains a mode that runs network steps before the transaction opens.
    const claim = await domainToVerify(tx, org.id, input.id);
    if (claim.verifiedAt) return { data: { verified: true }, audit: null };
    const proof = await checkDomainProof(claim.domain, claim.challengeToken);
    const outcome = await recordDomainCheck(tx, claim.id, claim.domain, proof, user.email);
    return { data: outcome, audit: { targetType: "sso_domain", targetId: claim.id, after: { domain: claim.domain, ...outcome } } };
  },
});
