import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { limitSignIn } from "@/server/rate-limit/sign-in";

// Providers are built per request: organizations add and change SSO connections at run time. The
// request's headers carry the current session, which may be linking another sign-in method.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const limited = await limitSignIn(req);
  if (limited) return limited;
  const [action, providerId] = (await ctx.params).nextauth;
  const named = action === "signin" || action === "callback" ? providerId : undefined;
  return NextAuth(req as never, ctx as never, await authOptions(req.headers, named));
}

export { handler as GET, handler as POST };
