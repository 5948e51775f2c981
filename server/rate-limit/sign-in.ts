import "server-only";
import { clientAddress } from "./client-address";
import { enforceRateLimit } from "./enforce";
import { tooManyRequests } from "./responses";

// Sign-in requests (next-auth's POSTs: starting an SSO sign-in, the credentials callback, sign-out)
// counted per client address. next-auth's browser client follows the `url` of a JSON answer, so
// the 429 also names the sign-in page with the error and when to try again.

export async function limitSignIn(req: Request): Promise<Response | null> {
  if (req.method !== "POST") return null;
  const verdict = await enforceRateLimit("signIn", { kind: "address", value: clientAddress(req.headers) });
  if (verdict.ok) return null;
  const page = new URL("/signin", process.env.NEXTAUTH_URL ?? req.url);
  page.searchParams.set("error", "RateLimited");
  page.searchParams.set("retryAt", String(Date.now() + verdict.retryAfterSeconds * 1000));
  return tooManyRequests(verdict, { url: page.toString() });
}
