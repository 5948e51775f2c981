// The shape every user-supplied URL the server will call must have. Pure. Addresses are checked
// later, when the name is resolved (address-policy.ts); this only refuses what no endpoint needs.

export interface UrlRules {
  /** An SSO issuer has no query: `/.well-known/openid-configuration` is appended to its path. */
  query?: boolean;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; problem: string };

/** Checks an absolute http(s) URL without credentials or fragment; `problem` says what is wrong. */
export function checkOutboundUrl(raw: string, rules: UrlRules = {}): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: "must be an absolute URL such as https://example.com/path" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, problem: "must start with https:// or http://" };
  if (url.username || url.password) return { ok: false, problem: "must not contain a user name or password" };
  // A fragment is never sent; in a URL the server extends, it would hide the rest of the path.
  if (url.hash || raw.includes("#")) return { ok: false, problem: "must not contain a fragment (#)" };
  if (rules.query === false && (url.search || raw.includes("?"))) return { ok: false, problem: "must not contain a query (?)" };
  return { ok: true, url };
}
