import "server-only";
import type { Db } from "@/server/db/types";
import { invalid, notFound } from "@/server/auth/errors";
import { TERMINAL_STATUSES } from "@/lib/deploy/status";
import { findStack } from "./queries";

// Frees room under the revision limits (server/tenant-limits.ts): revisions are history, so only
// what no one can need again goes. The latest revision is what the editor and the next save start
// from. A stage's latest deployment and its last successful deploy (what it runs, what drift checks
// and Reconcile use) keep their revisions, and so does every deployment still in progress. Older
// deployments of a deleted revision go with it (their timelines too): a stack deployed by CI on every
// commit refers to every revision, and keeping them all would leave it no way back under the limits.

export interface DeletedRevisions {
  /** Numbers deleted, oldest first. */
  deleted: number[];
  /** Older than `before` but kept: a stage runs or last ran them, or a deploy in progress uses them. */
  keptDeployed: number[];
  /** Finished deployments of the deleted revisions, deleted with them. */
  deletedDeployments: number;
  /** What the deletion freed of the organization's revision quota. */
  freedBytes: number;
}

/** The revisions the stack's stages run or last ran, and those deploys in progress use. */
async function revisionsInUse(tx: Db, stackId: string): Promise<Set<string>> {
  const newest = async (where: object) =>
    (await tx.stage.findMany({ where: { stackId }, select: { deployments: { where, orderBy: { createdAt: "desc" }, take: 1, select: { revisionId: true } } } })).flatMap(
      (s) => s.deployments,
    );
  const inUse = [
    ...(await newest({})),
    ...(await newest({ status: { in: ["succeeded", "no_changes"] }, operation: "deploy" })),
    ...(await tx.deployment.findMany({ where: { stage: { stackId }, status: { notIn: [...TERMINAL_STATUSES] } }, select: { revisionId: true } })),
  ];
  return new Set(inUse.map((d) => d.revisionId));
}

/** Deletes the stack's revisions numbered below `before` (itself kept), except those in use (revisionsInUse). */
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
  const inUse = await revisionsInUse(tx, stackId);
  const deletable = candidates.filter((c) => !inUse.has(c.id));
  const ids = deletable.map((c) => c.id);
  const { count: deletedDeployments } = await tx.deployment.deleteMany({ where: { revisionId: { in: ids } } });
  await tx.stackRevision.deleteMany({ where: { id: { in: ids } } });
  return {
    deleted: deletable.map((c) => c.number),
    keptDeployed: candidates.filter((c) => inUse.has(c.id)).map((c) => c.number),
    deletedDeployments,
    freedBytes: deletable.reduce((total, c) => total + c.bytes, 0),
  };
}
