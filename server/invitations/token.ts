import "server-only";
import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/server/crypto";

export const INVITATION_TTL_DAYS = 7;

/** A fresh single-use token for the link, and the hash that is all the database keeps. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: sha256Hex(token) };
}

export function invitationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/invite/${token}`;
}
