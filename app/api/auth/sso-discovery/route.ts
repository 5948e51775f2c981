import { z } from "zod";
import { db } from "@/server/db/client";
import { emailSchema } from "@/server/auth/email";
import { ssoProviderForEmail } from "@/server/sso/domain-routing";
import { limitByAddress } from "@/server/rate-limit/responses";
import { errorResponse } from "@/server/http/json-error";
import { readQuery } from "@/server/http/query";

const discoveryQuery = z.object({ email: z.string("enter the email address you sign in with.").pipe(emailSchema) });

// Public by nature: it runs before anyone is signed in. It answers only where this one email signs
// in (a provider id, or null), in the same shape and time whether or not the domain is known.
export async function GET(req: Request) {
  const limited = await limitByAddress("ssoDiscovery", req);
  if (limited) return limited;
  try {
    const { email } = readQuery(req, discoveryQuery);
    return Response.json({ providerId: await ssoProviderForEmail(db(), email) });
  } catch (e) {
    return errorResponse(e, "sso-discovery");
  }
}
