import { createHash, randomBytes } from "node:crypto";

// API tokens: what they look like, what their scopes grant. Pure.

export const TOKEN_SCOPES = ["read", "deploy", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Recognisable in logs and secret scanners; the rest is 32 random bytes. */
const TOKEN_MARK = "lpt_";
/** How much of the token lists show, enough to tell tokens apart and nothing to guess from. */
const SHOWN_CHARACTERS = TOKEN_MARK.length + 6;

export const MAX_TOKEN_DAYS = 365;

// A wider scope includes the narrower ones: deploying needs to read the stack and follow the deploy.
const IMPLIED: Record<TokenScope, readonly TokenScope[]> = {
  read: ["read"],
  deploy: ["read", "deploy"],
  admin: ["read", "deploy", "admin"],
};

export function newApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = TOKEN_MARK + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, SHOWN_CHARACTERS), tokenHash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function grants(scopes: readonly string[], needed: TokenScope): boolean {
  return scopes.some((s) => (TOKEN_SCOPES as readonly string[]).includes(s) && IMPLIED[s as TokenScope].includes(needed));
}

/** The bearer token of an Authorization header, or null when there is none. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1] : null;
}
