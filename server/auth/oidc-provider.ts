import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";

export interface OidcSettings {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
}

const trimSlash = (s: string) => s.replace(/\/+$/, "");

// Some IdPs (oidc-provider by default, Entra ID without optional claims) keep `email` out of the
// ID token; then it must come from the userinfo endpoint, or the session silently has no email.
async function userinfoEmail(issuer: string, accessToken: string | undefined): Promise<OidcProfile | null> {
  if (!accessToken) return null;
  const discovery = await fetch(`${trimSlash(issuer)}/.well-known/openid-configuration`).then((r) => r.json());
  if (typeof discovery.userinfo_endpoint !== "string") return null;
  const res = await fetch(discovery.userinfo_endpoint, { headers: { Authorization: `Bearer ${accessToken}` } });
  return res.ok ? ((await res.json()) as OidcProfile) : null;
}

/** A next-auth provider for any OpenID Connect IdP, with PKCE, state and nonce all checked. */
export function oidcProvider(s: OidcSettings): OAuthConfig<OidcProfile> {
  return {
    id: s.id,
    name: s.name,
    type: "oauth",
    wellKnown: `${trimSlash(s.issuer)}/.well-known/openid-configuration`,
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    async profile(claims, tokens) {
      // email_verified may come from the ID token or from userinfo: ask userinfo when either claim is missing.
      const complete = claims.email && claims.email_verified !== undefined;
      const info = complete ? claims : { ...claims, ...(await userinfoEmail(s.issuer, tokens.access_token)) };
      return {
        id: info.sub,
        email: info.email?.toLowerCase() ?? null,
        // Only an explicit true counts (some IdPs send the string "true"); sign-in refuses anything else.
        emailVerified: info.email_verified === true || info.email_verified === "true",
        name: info.name ?? info.preferred_username ?? null,
      };
    },
  };
}
