import { NextRequest, NextResponse, type NextFetchEvent } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { newNonce, securityHeaders } from "@/server/http/security-headers";

// Two jobs on every request. Security headers (CSP with a fresh nonce, nosniff, ...) on every
// response, pages, API routes and static files alike. And a coarse gate: pages need a session
// cookie; membership and permissions are checked on the server by each page (requireMembership)
// and each action (defineAction), so this only saves a round trip.

const PUBLIC_PAGES = /^\/(signin|invite\/)/;
// API routes authenticate themselves (session or token) and answer JSON, not a sign-in redirect
// (/api/health and /api/ready need none); Next's files and those in public/ are public.
const NO_SESSION_GATE = /^\/(api\/|_next\/|favicon\.ico$|robots\.txt$|icon\.svg$)/;

// Runs only for an authenticated page request: passes the request on with the headers set below.
const requireSession = withAuth((req) => NextResponse.next({ request: { headers: req.headers } }), { pages: { signIn: "/signin" } });

export async function proxy(req: NextRequest, event: NextFetchEvent) {
  const headers = securityHeaders({ nonce: newNonce(), appUrl: process.env.NEXTAUTH_URL, development: process.env.NODE_ENV === "development" });
  // Next reads the nonce from the request's CSP header while rendering and puts it on its scripts.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);

  const { pathname } = req.nextUrl;
  const gated = !PUBLIC_PAGES.test(pathname) && !NO_SESSION_GATE.test(pathname);
  const res = gated
    ? ((await requireSession(new NextRequest(req, { headers: requestHeaders }) as NextRequestWithAuth, event)) ?? NextResponse.next({ request: { headers: requestHeaders } }))
    : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

export const config = {
  matcher: ["/:path*"],
};
