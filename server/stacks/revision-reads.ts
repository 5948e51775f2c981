import "server-only";
import type { CostDifference } from "@/lib/deploy/cost-difference";
import type { StackDefinition } from "@/lib/stack";
import { runCompute } from "@/server/compute/pool";

// What pages read from stored revisions (a revision's definition, the cost difference between two)
// is computed in the compute pool, not on the web server's event loop: a valid revision of 1,000
// functions (0.9 MB) took 1-6 s to parse on this project's loaded 2-core machine. A stored
// revision never changes, so each result is kept, keyed by revision ids, under a size bound.

export interface StoredRevision {
  id: string;
  number: number;
  yaml: string;
}

/** Kept results, weighed by the YAML they came from; the least recently used go first. */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;
const kept = new Map<string, { value: unknown; bytes: number }>();
let keptBytes = 0;
const pending = new Map<string, Promise<unknown>>();
/**
 * Each organization's reads queue behind one another in this process, so a page that reads many
 * revisions at once (a stage each) waits its turn instead of overflowing the pool's per-organization
 * queue, whose answer is a 429 meant for people who send work, not for people reading a page.
 */
const orgQueues = new Map<string, Promise<unknown>>();

function inOrgQueue<T>(organizationId: string, job: () => Promise<T>): Promise<T> {
  const previous = orgQueues.get(organizationId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(job);
  const tail = next.catch(() => undefined);
  orgQueues.set(organizationId, tail);
  void tail.then(() => {
    if (orgQueues.get(organizationId) === tail) orgQueues.delete(organizationId);
  });
  return next;
}

async function remembered<T>(key: string, bytes: number, compute: () => Promise<T>): Promise<T> {
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit);
    return hit.value as T;
  }
  const running = pending.get(key);
  if (running) return running as Promise<T>;
  const promise = compute()
    .then((value) => {
      kept.set(key, { value, bytes });
      keptBytes += bytes;
      for (const [oldest, entry] of kept) {
        if (keptBytes <= MAX_KEPT_BYTES) break;
        kept.delete(oldest);
        keptBytes -= entry.bytes;
      }
      return value;
    })
    .finally(() => pending.delete(key));
  pending.set(key, promise);
  return promise;
}

/** A stored revision's definition (null when its YAML no longer parses). */
export function revisionDefinition(revision: StoredRevision, organizationId: string): Promise<StackDefinition | null> {
  return remembered(`definition:${revision.id}`, revision.yaml.length, () =>
    inOrgQueue(organizationId, async () => {
      const { definition } = await runCompute("analyze", [revision.yaml, { file: "stack.yml" }], { organizationId, doing: `Reading revision ${revision.number}` });
      return definition ?? null;
    }),
  );
}

/** What deploying `next` (or, with null, deleting the stage's stack) does to the monthly cost of a stage running `deployed`. */
export function revisionCostDifference(deployed: StoredRevision | null, next: StoredRevision | null, region: string, organizationId: string): Promise<CostDifference> {
  const key = `cost:${deployed?.id ?? "-"}:${next?.id ?? "-"}:${region}`;
  const bytes = (deployed?.yaml.length ?? 0) / 16 + (next?.yaml.length ?? 0) / 16;
  const job = { organizationId, doing: next ? `Estimating the cost of revision ${next.number}` : "Estimating the cost of deleting the stage" };
  return remembered(key, bytes, () =>
    inOrgQueue(organizationId, () =>
      next ? runCompute("costDifference", [deployed, next, region], job) : runCompute("deletionCostDifference", [deployed, region], job),
    ),
  );
}
