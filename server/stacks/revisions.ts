import "server-only";
import type { Db } from "@/server/db/types";
import { ActionError, notFound } from "@/server/auth/errors";
import { formatDiagnostic, hasErrors, type StackDefinition } from "@/lib/stack";
import { runCompute } from "@/server/compute/pool";
import { findStack } from "./queries";
import { keptPositions, storedCanvasPositions, strayPositions, type CanvasPositions } from "@/lib/canvas/positions";
import { checkedRevisionCode, checkEntryFilePaths, revisionBytes, type RevisionCode } from "./revision-code";
import { assertBytesRoom, assertRoom, TENANT_LIMITS } from "@/server/tenant-limits";

export interface NewRevision {
  /** The revision number the edit started from; the save is refused if the stack moved past it. */
  baseNumber: number;
  yaml: string;
  code: RevisionCode;
  message?: string | null;
  /** Canvas node positions, for resources of this definition only; without them the latest revision's are kept. */
  canvasPositions?: CanvasPositions | null;
}

export interface RevisionConflict {
  latest: { number: number; yaml: string; code: RevisionCode; canvasPositions: CanvasPositions; message: string | null; authorEmail: string | null; createdAt: string };
}

/** A stale base revision: carries the newer revision (as details.latest) so the editor can show both. */
function conflictError(conflict: RevisionConflict): ActionError {
  const n = conflict.latest.number;
  return new ActionError(
    409,
    `revision ${n} was saved after the one you started from; nothing was overwritten.`,
    { baseNumber: `Revision ${n} is newer than your base revision.` },
    { ...conflict },
  );
}

async function conflictWith(tx: Db, stackId: string): Promise<ActionError> {
  const latest = await tx.stackRevision.findFirstOrThrow({ where: { stackId }, orderBy: { number: "desc" } });
  const author = latest.authorId ? await tx.user.findUnique({ where: { id: latest.authorId }, select: { email: true } }) : null;
  return conflictError({
    latest: {
      number: latest.number,
      yaml: latest.yaml,
      code: latest.code as RevisionCode,
      canvasPositions: storedCanvasPositions(latest.canvasPositions),
      message: latest.message,
      authorEmail: author?.email ?? null,
      createdAt: latest.createdAt.toISOString(),
    },
  });
}

/**
 * The definition of `yaml`, parsed and validated in the compute pool; 400 with the first error otherwise.
 * Callers run it before opening their transaction where they can, so the wait holds no connection.
 */
export async function checkDefinition(organizationId: string, stackName: string, yaml: string): Promise<StackDefinition> {
  const { definition, diagnostics } = await runCompute("analyze", [yaml, { spec: true }], { organizationId, doing: `Checking stack "${stackName}"` });
  if (!definition || hasErrors(diagnostics)) {
    const first = diagnostics.find((d) => d.severity === "error")!;
    throw new ActionError(400, `yaml: ${formatDiagnostic(first)}`, { yaml: formatDiagnostic(first) });
  }
  return definition;
}

const FREE_ROOM = "delete old revisions on a stack's Revisions page (an admin can), or delete stacks no longer needed";

/**
 * The stack's revision count and the organization's stored revision bytes (an aggregate over the
 * bytes column, never the text), against TENANT_LIMITS. Called under the stack row lock, so saves of
 * one stack are counted one after the other; saves of two stacks may pass the byte quota by one revision each.
 */
async function assertRoomForRevision(tx: Db, organizationId: string, stackId: string, bytes: number): Promise<void> {
  assertRoom(await tx.stackRevision.count({ where: { stackId } }), TENANT_LIMITS.revisionsPerStack, "yaml", "revisions per stack", FREE_ROOM);
  const [{ used }] = await tx.$queryRaw<{ used: bigint }[]>`
    SELECT coalesce(sum(r."bytes"), 0)::bigint AS used
    FROM "StackRevision" r JOIN "Stack" s ON s."id" = r."stackId"
    WHERE s."organizationId" = ${organizationId}`;
  assertBytesRoom(Number(used), bytes, TENANT_LIMITS.revisionBytesPerOrganization, "yaml", "revisions (YAML and handler code) per organization", FREE_ROOM);
}

/**
 * Appends revision baseNumber + 1 with `definition`, the checkDefinition of input.yaml. Revisions are immutable, so a save never changes an existing one:
 * a stale base (someone saved in between) is a conflict. The stack row is locked first, so two saves
 * racing from one base are serialised and the second sees the first's revision.
 */
export async function saveRevision(tx: Db, organizationId: string, stackId: string, input: NewRevision, definition: StackDefinition, authorId: string) {
  const stack = await findStack(tx, organizationId, stackId);
  if (!stack) throw notFound("Stack not found.");

  // Every save path comes through here (REST, editor, restore, import): one check of what may be stored.
  checkEntryFilePaths(definition, input.yaml);
  const code = checkedRevisionCode(input.code);
  const names = new Set([...Object.keys(definition.resources), ...Object.keys(definition.cloudformationResources ?? {})]);
  const [stray] = strayPositions(input.canvasPositions ?? {}, names);
  if (stray !== undefined) {
    const problem = `no resource named '${stray}' in the definition`;
    throw new ActionError(400, `canvasPositions.${stray}: ${problem}`, { [`canvasPositions.${stray}`]: problem });
  }

  await tx.$queryRaw`SELECT 1 FROM "Stack" WHERE id = ${stackId} FOR UPDATE`;
  const latest = await tx.stackRevision.findFirst({ where: { stackId }, orderBy: { number: "desc" }, select: { number: true, canvasPositions: true } });
  if ((latest?.number ?? 0) !== input.baseNumber) throw await conflictWith(tx, stackId);
  await assertRoomForRevision(tx, organizationId, stackId, revisionBytes(input.yaml, code));
  // A save that does not speak for the canvas (REST API, CLI) keeps the places people gave the nodes that remain.
  const positions = input.canvasPositions ?? keptPositions(storedCanvasPositions(latest?.canvasPositions), names);

  const revision = await tx.stackRevision.create({
    data: {
      stackId,
      number: input.baseNumber + 1,
      yaml: input.yaml,
      definition: definition as object,
      code,
      // Null rather than {}: "no stored positions" has one representation.
      canvasPositions: Object.keys(positions).length ? positions : undefined,
      message: input.message?.trim() || null,
      authorId,
    },
    select: { id: true, number: true, createdAt: true },
  });
  await tx.stack.update({ where: { id: stackId }, data: { updatedAt: new Date() } });
  return revision;
}
