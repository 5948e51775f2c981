import { encode } from "next-auth/jwt";
import { db } from "@/server/db/client";
import { withRequestHeaders } from "@/server/auth/request-context";
import { openSession } from "@/server/auth/sessions";

// For integration tests: run a server action as a signed-in user through the real session-cookie
// path (a server-side session and a next-auth JWT naming it, signed with NEXTAUTH_SECRET), outside
// Next's request scope.
export const TEST_NEXTAUTH_SECRET = "integration-test-secret";

/** A session cookie header for `user`, as signing in through `provider` would give. */
export async function sessionCookie(user: { id: string; email: string }, provider = "test"): Promise<string> {
  process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;
  const sid = await openSession(db(), user.id, provider);
  const token = await encode({ token: { sub: user.id, email: user.email, sid }, secret: process.env.NEXTAUTH_SECRET });
  return `next-auth.session-token=${token}`;
}

export async function asUser<T>(user: { id: string; email: string }, fn: () => Promise<T>): Promise<T> {
  return withRequestHeaders(new Headers({ cookie: await sessionCookie(user) }), fn);
}
