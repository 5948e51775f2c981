import { z } from "zod";
import { normalizeDomain } from "@/server/auth/email";

/** An email domain as an admin types it ("@Acme.com", " acme.com"), normalised and checked. */
export const ssoDomainSchema = z
  .string()
  .max(300, "A domain has at most 253 characters.")
  .transform(normalizeDomain)
  .pipe(
    z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
      error: (issue) => `"${String(issue.input)}" is not a domain; it must look like example.com.`,
    }),
  );

export const CHALLENGE_LABEL = "_lambdaplane-challenge";

/** Where the organization publishes its proof: a TXT record at this name. */
export function challengeRecordName(domain: string): string {
  return `${CHALLENGE_LABEL}.${domain}`;
}
