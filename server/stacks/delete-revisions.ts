import "server-only";
import type { Db } from "@/server/db/types";
import { invalid, notFound } from "@/server/auth/errors";
import { findStack } from "./queries";

// Frees room under the revision limits (server/tenant-limits.ts): revisions are history, so only
// what no one can need again goes. The latest revision is what the editor and the next save start
// from; a revision a deployment refers to is what a stage runs or ran, and deleting it would cascade
// to the deployment, its timeline and its drift checks.

export interface DeletedRevisions {
  /** Numbers deleted, oldest first. */
  deleted: number[];
  /** Older than `before` but kept because a deployment refers to them. */
  keptDeployed: number[];
  /** What the deletion freed of the organization's revision quota. */
  freedBytes: number;
}

/** Deletes the stack's revisions numbered below `before` (itself kept), except those a deployment refers to. */
export async function deleteRevisionsBefore(tx: Db, organizationId: string, stackId: string, before: number): Promise<DeletedRevisions> {
  const stack = await findStack(tx, organizationId, stackId);
  if (!stack) throw notFound("Stack not found.");
  // The lock saveRevision takes: no save or restore interleaves, so the latest stays the latest.
  await tx.$queryRaw`SELECT 1 FROM "Stack" WHERE id = ${stackId} FOR UPDATE`;
  const latest = await tx.stackRevision.findFirst({ where: { stackId }, orderBy: { number: "desc" }, select: { number: true } });
  if (!latest || before > latest.number) throw invalid("before", `revision ${before} does not exist; the latest is ${latest?.number ?? 0}.`);
  // Locking the candidates first makes a deployment being created for one of them (its foreign key
  // check takes a share lock on the revision) either commit before the next query sees it, or wait
  // for this transaction and then fail on the missing revision: never lose its revision.
  const candidates = await tx.$queryRaw<{ id: string; number: number; bytes: number }[]>`
    SELECT id, number, bytes FROM "StackRevision" WHERE "stackId" = ${stackId} AND number < ${before} ORDER BY number FOR UPDATE`;
  const deployed = new Set(
    (await tx.deployment.findMany({ where: { revisionId: { in: candidates.map((c) => c.id) } }, select: { revisionId: true }, distinct: ["revisionId"] })).map((d) => d.revisionId),
  );
  const deletable = candidates.filter((c) => !deployed.has(c.id));
  await tx.stackRevision.deleteMany({ where: { id: { in: deletable.map((c) => c.id) } } });
  return {
    deleted: deletable.map((c) => c.number),
    keptDeployed: candidates.filter((c) => deployed.has(c.id)).map((c) => c.number),
    freedBytes: deletable.reduce((total, c) => total + c.bytes, 0),
  };
}
