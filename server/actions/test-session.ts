import { encode } from "next-auth/jwt";
import { withRequestHeaders } from "@/server/auth/request-context";

// For integration tests: run a server action as a signed-in user through the real session-cookie
// path (a next-auth JWT signed with NEXTAUTH_SECRET), outside Next's request scope.
export const TEST_NEXTAUTH_SECRET = "integration-test-secret";

export async function asUser<T>(user: { id: string; email: string }, fn: () => Promise<T>): Promise<T> {
  process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;
  const token = await encode({ token: { sub: user.id, email: user.email }, secret: process.env.NEXTAUTH_SECRET });
  return withRequestHeaders(new Headers({ cookie: `next-auth.session-token=${token}` }), fn);
}
