// Percent-decoding of what a client sent (path segments, cookie values), never throwing: a malformed
// sequence or a bare "%" is kept as sent. Pages get dynamic segments still encoded and route handlers
// get them decoded (vercel/next.js#64952); decoding once more is harmless for the names used here
// (letters, digits, hyphens), and text kept as sent names nothing, so the lookup answers 404, not 500.
export function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
