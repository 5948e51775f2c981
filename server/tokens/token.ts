import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/server/crypto";

// API tokens: how they are made, kept (their sha256) and read from a request.

/** Recognisable in logs and secret scanners; the rest is 32 random bytes. */
const TOKEN_MARK = "lpt_";
/** How much of the token lists show, enough to tell tokens apart and nothing to guess from. */
const SHOWN_CHARACTERS = TOKEN_MARK.length + 6;

export function newApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = TOKEN_MARK + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, SHOWN_CHARACTERS), tokenHash: hashApiToken(token) };
}

export const hashApiToken = (token: string): string => sha256Hex(token);

/** The bearer token of an Authorization header, or null when there is none. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1] : null;
}
