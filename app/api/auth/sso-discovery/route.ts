import { db } from "@/server/db/client";
import { emailSchema } from "@/server/auth/email";
import { ssoProviderForEmail } from "@/server/sso/domain-routing";
import { limitByAddress } from "@/server/rate-limit/responses";
import { jsonError } from "@/server/http/json-error";

// Public by nature: it runs before anyone is signed in. It answers only where this one email signs
// in (a provider id, or null), in the same shape and time whether or not the domain is known.
export async function GET(req: Request) {
  const limited = await limitByAddress("ssoDiscovery", req);
  if (limited) return limited;
  const email = emailSchema.safeParse(new URL(req.url).searchParams.get("email") ?? "");
  if (!email.success) return jsonError(400, "email: enter a valid email address.");
  return Response.json({ providerId: await ssoProviderForEmail(db(), email.data) });
}
