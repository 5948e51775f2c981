// The security headers every response carries, built per request (the CSP's nonce is new each
// time). Pure and free of Node-only modules: proxy.ts applies them, tests read them.

export interface SecurityHeaderOptions {
  /** A fresh, unguessable value per request (base64). */
  nonce: string;
  /** NEXTAUTH_URL: HTTPS turns on Strict-Transport-Security and upgrade-insecure-requests. */
  appUrl: string | undefined;
  /** `next dev` only: React rebuilds server error stacks in the browser with eval. */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, appUrl, development }: SecurityHeaderOptions): string {
  const https = isHttps(appUrl);
  return [
    "default-src 'self'",
    // Next puts this nonce on its own scripts (it reads it from the request's CSP header);
    // 'strict-dynamic' lets those scripts load the page's chunks. No 'unsafe-inline' for scripts.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Styles need 'unsafe-inline': React Flow and CodeMirror inject <style> elements at run time
    // and React renders style attributes, none of which can carry a nonce (and a nonce in this
    // directive would make browsers ignore 'unsafe-inline'). Injected CSS cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // fetch, server actions and Server-Sent Events go to this origin only.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    // Links out (docs, the AWS console) carry our origin at most, never a path with ids in it.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    ...(isHttps(options.appUrl) ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

function isHttps(url: string | undefined): boolean {
  try {
    return url !== undefined && new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}
