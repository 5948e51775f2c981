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
  // The DNS lookup (time-limited) runs before the transaction opens: a slow resolver must not hold
  // a pooled database connection. The write re-reads the claim, which may have changed meanwhile.
  async prepare({ db, org }, input) {
    const claim = await domainToVerify(db, org.id, input.id);
    return claim.verifiedAt ? null : { domain: claim.domain, proof: await checkDomainProof(claim.domain, claim.challengeToken) };
  },
  async run({ tx, org, user }, input, checked): Promise<{ data: DomainCheckOutcome; audit: AuditEntry | null }> {
    const claim = await domainToVerify(tx, org.id, input.id);
    if (claim.verifiedAt || !checked) return { data: { verified: true }, audit: null };
    if (claim.domain !== checked.domain) return { data: { verified: false, reason: "The domain changed while it was checked; verify again." }, audit: null };
    const outcome = await recordDomainCheck(tx, claim.id, claim.domain, checked.proof, user.email);
    return { data: outcome, audit: { targetType: "sso_domain", targetId: claim.id, after: { domain: claim.domain, ...outcome } } };
  },
});
