import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address."));

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** Domains as typed by an admin ("@Example.com", " example.com") in canonical form. */
export function normalizeDomain(input: string): string {
  return input.trim().toLowerCase().replace(/^@/, "");
}
