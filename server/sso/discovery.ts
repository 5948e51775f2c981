import "server-only";

// Checks an issuer the way next-auth will use it: its discovery document must be reachable, be
// JSON, name the same issuer and carry the endpoints the authorization code flow needs.
const REQUIRED = ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const;
const TIMEOUT_MS = 5000;

export type DiscoveryResult = { ok: true; issuer: string } | { ok: false; message: string };

export const normalizeIssuer = (issuer: string) => issuer.trim().replace(/\/+$/, "");

export async function checkDiscovery(issuerInput: string, fetchImpl: typeof fetch = fetch): Promise<DiscoveryResult> {
  const issuer = normalizeIssuer(issuerInput);
  const url = `${issuer}/.well-known/openid-configuration`;
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { Accept: "application/json" } });
  } catch (e) {
    const reason = e instanceof Error && e.name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (e as Error).message;
    return { ok: false, message: `${url} is unreachable (${reason}).` };
  }
  if (!res.ok) return { ok: false, message: `${url} answered HTTP ${res.status}; check the issuer URL.` };
  let doc: Record<string, unknown>;
  try {
    doc = await res.json();
  } catch {
    return { ok: false, message: `${url} did not return JSON; it is not an OpenID Connect discovery document.` };
  }
  const missing = REQUIRED.filter((k) => typeof doc[k] !== "string");
  if (missing.length) return { ok: false, message: `${url} is not a valid OpenID configuration: missing ${missing.join(", ")}.` };
  if (typeof doc.issuer !== "string" || normalizeIssuer(doc.issuer) !== issuer) {
    return { ok: false, message: `The discovery document names issuer "${String(doc.issuer)}", not "${issuer}"; use exactly that URL.` };
  }
  return { ok: true, issuer: doc.issuer };
}
