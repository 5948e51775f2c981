import "server-only";
import { ActionError } from "@/server/auth/errors";
import { enforceRateLimit } from "./enforce";
import type { LimitName } from "./limits";
import type { Subject } from "./keys";

/** For a server action's own limit (beyond the wrapper's per-user one): throws the 429 the wrapper answers. */
export async function assertWithinLimit(name: LimitName, subject: Subject): Promise<void> {
  const verdict = await enforceRateLimit(name, subject);
  if (!verdict.ok) throw new ActionError(429, verdict.message, undefined, { retryAfterSeconds: verdict.retryAfterSeconds });
}
