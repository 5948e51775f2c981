import "server-only";
import type { Db } from "@/server/db/types";
import { ActionError, notFound } from "@/server/auth/errors";
import { findStack } from "./queries";
import type { RevisionCode } from "./revision-code";
import { checkDefinition, saveRevision } from "./revisions";
import type { StackDefinition } from "@/lib/stack";
import { storedCanvasPositions } from "@/lib/canvas/positions";

export interface RestoreRequest {
  /** The revision to bring back. */
  number: number;
  /** The latest revision the person saw; a newer one makes the restore a 409 conflict. */
  baseNumber: number;
  message?: string | null;
}

async function revisionToRestore(client: Db, organizationId: string, stackId: string, number: number) {
  const stack = await findStack(client, organizationId, stackId);
  if (!stack) throw notFound("Stack not found.");
  const old = await client.stackRevision.findUnique({ where: { stackId_number: { stackId, number } } });
  if (!old) throw new ActionError(404, `number: revision ${number} does not exist.`, { number: `Revision ${number} does not exist.` });
  return { stack, old };
}

/**
 * The old revision's definition, checked again (it may have been saved by a version with other
 * rules) in the compute pool: called before the restore's transaction opens, so the wait holds no
 * database connection. Revisions are immutable, so the check stays true for the transaction.
 */
export async function checkRestorable(client: Db, organizationId: string, stackId: string, number: number): Promise<StackDefinition> {
  const { stack, old } = await revisionToRestore(client, organizationId, stackId, number);
  return checkDefinition(organizationId, stack.name, old.yaml);
}

/** Restoring never rewrites history: the old revision's definition and code become a NEW revision. */
export async function restoreRevision(tx: Db, organizationId: string, stackId: string, request: RestoreRequest, definition: StackDefinition, authorId: string) {
  const { old } = await revisionToRestore(tx, organizationId, stackId, request.number);
  const latest = await tx.stackRevision.findFirst({ where: { stackId }, orderBy: { number: "desc" }, select: { number: true } });
  // With a stale base, saveRevision answers the conflict instead: the person has not seen the latest.
  if (request.number === request.baseNumber && latest?.number === request.baseNumber) {
    throw new ActionError(400, `number: revision ${request.number} is already the latest; there is nothing to restore.`, { number: "Already the latest revision." });
  }
  const message = request.message?.trim() || `Restored revision ${request.number}`;
  const restored = { baseNumber: request.baseNumber, yaml: old.yaml, code: old.code as RevisionCode, canvasPositions: storedCanvasPositions(old.canvasPositions), message };
  const revision = await saveRevision(tx, organizationId, stackId, restored, definition, authorId);
  return { ...revision, restoredFrom: request.number, message };
}
