import { createHmac, timingSafeEqual } from "node:crypto";

// Generic webhooks are signed like this (documented in the README for receivers):
//   Lambdaplane-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
// The timestamp is inside the MAC so a captured request cannot be replayed later; receivers reject
// timestamps older than a few minutes. Pure.

export const SIGNATURE_HEADER = "Lambdaplane-Signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

const mac = (secret: string, timestamp: number, body: string) => createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

export function signatureHeader(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`;
}

/** Whether `header` is a valid signature of `body` made within `toleranceSeconds` of `now`. */
export function verifySignature(secret: string, body: string, header: string | null, now: number, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS): boolean {
  const parts = new Map((header ?? "").split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given) || Math.abs(now - t) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(mac(secret, t, body), "hex"));
}
