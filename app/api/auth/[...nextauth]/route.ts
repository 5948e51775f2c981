import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

// Providers are built per request: organizations add and change SSO connections at run time.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, await authOptions());
}

export { handler as GET, handler as POST };
