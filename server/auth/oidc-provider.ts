import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { guardedAgentFor, outboundRequest } from "@/server/net/outbound";
import { discoveryUrl } from "@/server/sso/discovery";

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

const TIMEOUT_MS = 5000;
const MAX_USERINFO_BYTES = 64 * 1024;

// The issuer is user-supplied (an organization's SSO connection), so every call next-auth's
// openid-client makes (discovery, JWKS, token, userinfo) goes through the outbound guard's agent.
// next-auth installs httpOptions as openid-client's process-wide defaults, so the agent must fit
// every provider's scheme: an endpoint on another scheme fails (closed) rather than going unguarded.
function guardedHttpOptions(issuer: string) {
  return { timeout: TIMEOUT_MS, agent: guardedAgentFor(issuer.startsWith("https:") ? "https:" : "http:") };
}

async function fetchJson(url: string, headers: Record<string, string> = {}): Promise<Record<string, unknown> | null> {
  const res = await outboundRequest(url, { timeoutMs: TIMEOUT_MS, maxBytes: MAX_USERINFO_BYTES, headers: { accept: "application/json", ...headers } });
  return res.status === 200 ? (JSON.parse(res.body.toString("utf8")) as Record<string, unknown>) : null;
}

// Some IdPs (oidc-provider by default, Entra ID without optional claims) keep `email` out of the
// ID token; then it must come from the userinfo endpoint, or the session silently has no email.
async function userinfoEmail(issuer: string, accessToken: string | undefined): Promise<OidcProfile | null> {
  const discovery = discoveryUrl(issuer);
  if (!accessToken || !discovery.ok) return null;
  const doc = await fetchJson(discovery.url);
  if (typeof doc?.userinfo_endpoint !== "string") return null;
  return (await fetchJson(doc.userinfo_endpoint, { authorization: `Bearer ${accessToken}` })) as OidcProfile | null;
}

function wellKnown(issuer: string): string {
  const discovery = discoveryUrl(issuer);
  return discovery.ok ? discovery.url : "invalid:issuer";
}

/** A next-auth provider for any OpenID Connect IdP, with PKCE, state and nonce all checked. */
export function oidcProvider(s: OidcSettings): OAuthConfig<OidcProfile> {
  return {
    id: s.id,
    name: s.name,
    type: "oauth",
    // An issuer saved before the URL rules (with a `#` or `?`) gets no discovery URL, so it cannot sign in.
    wellKnown: wellKnown(s.issuer),
    httpOptions: guardedHttpOptions(s.issuer),
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
