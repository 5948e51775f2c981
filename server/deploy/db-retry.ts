import "server-only";
import { withDbRetry } from "@/server/db/transient";
import { log } from "@/server/ops/log";

// The pipeline's database writes go through this: a transient error (no transaction in time, a
// reset connection, a serialization failure or deadlock) is retried with backoff instead of
// failing the deployment. Each write it wraps is one transaction of idempotent or compare-and-set
// statements, so running it again after an unknown outcome changes nothing twice.

export function retryingDb<T>(what: string, work: () => Promise<T>): Promise<T> {
  return withDbRetry(work, {
    onRetry: (error, attempt, delayMs) => {
      const code = (error as { code?: unknown } | null)?.code;
      log.warn(`deploy: ${what}: transient database error; retrying`, { code: typeof code === "string" ? code : undefined, attempt: attempt + 1, delayMs });
    },
  });
}
