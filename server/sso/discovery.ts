import "server-only";
import { checkOutboundUrl, outboundFailure, outboundRequest, type OutboundFailureKind } from "@/server/net/outbound";

// Checks an issuer the way next-auth will use it: its discovery document must be reachable through
// the outbound guard, be JSON, name the same issuer and carry the endpoints the authorization code
// flow needs. Messages say what is wrong without echoing what the endpoint answered.
const REQUIRED = ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const;
const TIMEOUT_MS = 5000;
const MAX_DOCUMENT_BYTES = 256 * 1024;

export type DiscoveryResult = { ok: true; issuer: string } | { ok: false; message: string };

export const normalizeIssuer = (issuer: string) => issuer.trim().replace(/\/+$/, "");

/** The issuer's discovery URL; an issuer with a query or fragment is refused (it would make the server GET another path). */
export function discoveryUrl(issuerInput: string): { ok: true; url: string } | { ok: false; message: string } {
  const issuer = normalizeIssuer(issuerInput);
  const checked = checkOutboundUrl(issuer, { query: false });
  if (!checked.ok) return { ok: false, message: `The issuer URL ${checked.problem}.` };
  return { ok: true, url: `${issuer}/.well-known/openid-configuration` };
}

const FAILURE: Record<Exclude<OutboundFailureKind, "invalid_url">, (url: string) => string> = {
  unreachable: (url) => `${url} is unreachable.`,
  refused: (url) => `${url} was refused: the address is private. Use the IdP's public URL.`,
  timeout: (url) => `${url} timed out (no answer within ${TIMEOUT_MS / 1000} s).`,
  too_large: (url) => `${url} answered with more than ${MAX_DOCUMENT_BYTES / 1024} KB; it is not a discovery document.`,
};

export async function checkDiscovery(issuerInput: string): Promise<DiscoveryResult> {
  const issuer = normalizeIssuer(issuerInput);
  const target = discoveryUrl(issuer);
  if (!target.ok) return target;
  const { url } = target;
  let body: Buffer;
  try {
    const res = await outboundRequest(url, { timeoutMs: TIMEOUT_MS, maxBytes: MAX_DOCUMENT_BYTES, headers: { accept: "application/json" } });
    if (res.status !== 200) return { ok: false, message: `${url} answered HTTP ${res.status}; check the issuer URL.` };
    body = res.body;
  } catch (e) {
    const failure = outboundFailure(e);
    return { ok: false, message: failure.kind === "invalid_url" ? `The issuer URL is not valid.` : FAILURE[failure.kind](url) };
  }
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(body.toString("utf8"));
    if (typeof doc !== "object" || doc === null) throw new Error("not an object");
  } catch {
    return { ok: false, message: `${url} did not return a JSON object; it is not an OpenID Connect discovery document.` };
  }
  const missing = REQUIRED.filter((k) => typeof doc[k] !== "string");
  if (missing.length) return { ok: false, message: `${url} is not a valid OpenID configuration: missing ${missing.join(", ")}.` };
  if (typeof doc.issuer !== "string" || normalizeIssuer(doc.issuer) !== issuer) {
    return { ok: false, message: "The discovery document names a different issuer; enter exactly the issuer URL your IdP publishes." };
  }
  return { ok: true, issuer: doc.issuer };
}
