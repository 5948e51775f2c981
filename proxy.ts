import { withAuth } from "next-auth/middleware";

// Coarse gate: pages need a session cookie. Membership and permissions are checked on the server
// by each page (requireMembership) and each action (defineAction); this only saves a round trip.
export const proxy = withAuth({ pages: { signIn: "/signin" } });

export const config = {
  matcher: ["/((?!api/|signin|invite/|_next/|favicon.ico).*)"],
};
