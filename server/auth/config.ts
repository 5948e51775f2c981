import "server-only";

// Environment-driven auth settings, read in one place.

export function devLoginEnabled(): boolean {
  return process.env.AUTH_DEV_LOGIN === "1";
}

export interface DefaultOidc {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}

export function defaultOidc(): DefaultOidc | null {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_CLIENT_SECRET: clientSecret } = process.env;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: process.env.AUTH_OIDC_NAME || "Single sign-on" };
}

export const DEFAULT_OIDC_PROVIDER_ID = "oidc";
export const DEV_PROVIDER_ID = "dev";
export const INVITATION_PROVIDER_ID = "invitation";
export const ORG_SSO_PREFIX = "sso-";
