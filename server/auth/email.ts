import { z } from "zod";

// RFC 5321 limits a deliverable address (a forward-path) to 254 characters; zod's format check has no length bound.
export const EMAIL_MAX = 254;
// RFC 1035 limits each dot-separated label of a domain name to 63 octets; zod's format check does not.
export const DOMAIN_LABEL_MAX = 63;

function hasOverlongLabel(email: string): boolean {
  return emailDomain(email)
    .split(".")
    .some((label) => label.length > DOMAIN_LABEL_MAX);
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email("Enter a valid email address.")
      .max(EMAIL_MAX, `An email address has at most ${EMAIL_MAX} characters.`)
      .refine((email) => !hasOverlongLabel(email), {
        message: `Each part of an email domain between dots has at most ${DOMAIN_LABEL_MAX} characters.`,
        abort: true,
      }),
  );

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** Domains as typed by an admin ("@Example.com", " example.com") in canonical form. */
export function normalizeDomain(input: string): string {
  return input.trim().toLowerCase().replace(/^@/, "");
}
