import { db } from "@/server/db/client";
import { emailSchema } from "@/server/auth/email";
import { ssoChoicesForEmail } from "@/server/auth/sso-discovery";
import { limitByAddress } from "@/server/rate-limit/responses";

// Public by nature: it runs before anyone is signed in, and only says which SSO accepts a domain.
export async function GET(req: Request) {
  const limited = await limitByAddress("ssoDiscovery", req);
  if (limited) return limited;
  const email = emailSchema.safeParse(new URL(req.url).searchParams.get("email") ?? "");
  if (!email.success) return Response.json({ error: "email: enter a valid email address." }, { status: 400 });
  return Response.json({ choices: await ssoChoicesForEmail(db(), email.data) });
}
