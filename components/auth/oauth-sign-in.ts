import { getCsrfToken } from "next-auth/react";

/**
 * Starts a sign-in at an identity provider (the instance's or an organization's SSO connection).
 * next-auth's signIn() first looks the provider up in /api/auth/providers, which lists no
 * organization connections (that list is public); this makes the POST signIn() would make, and
 * follows the answer's `url`: the IdP, or the sign-in page with an error (e.g. rate limited).
 */
export async function startOAuthSignIn(providerId: string, callbackUrl: string): Promise<void> {
  const res = await fetch(`/api/auth/signin/${encodeURIComponent(providerId)}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: (await getCsrfToken()) ?? "", callbackUrl, json: "true" }),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  window.location.href = body.url ?? `/signin?error=OAuthSignin&callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
