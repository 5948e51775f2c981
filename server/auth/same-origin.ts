// Cross-site request refusal for cookie-authenticated route handlers. SameSite=Lax cookies already
// keep most cross-site POSTs out, but not a sibling subdomain or an old browser; server actions get
// Next's own Origin check, route handlers get this one. Pure: no Node modules, no environment reads.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function changesState(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Does a state-changing request come from the app's own pages? Browsers send `Origin` on every
 * non-GET fetch and form post, same-origin ones included, so a missing header is refused as well:
 * only browsers carry the session cookie these routes accept (the CLI uses /api/v1 with tokens).
 */
export function fromAppOrigin(origin: string | null, appOrigin: string): boolean {
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).origin === new URL(appOrigin).origin;
  } catch {
    return false;
  }
}
