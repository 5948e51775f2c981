import "server-only";
import type { Db } from "@/server/db/types";
import { ActionError } from "@/server/auth/errors";
import { assertNameFree, assertRoomForStack, guardUnique } from "./mutations";
import { formatImportProblem, type PreparedImport } from "./prepare-import";
import { saveRevision } from "./revisions";

// Import, second half: a prepared import (prepare-import.ts, run in the compute pool) becomes a NEW
// stack whose revision 1 holds the definition and the code.

/** Creates the stack and its revision 1 from a prepared import; any error refuses it with every problem. */
export async function importStack(tx: Db, organizationId: string, name: string, prepared: PreparedImport, authorId: string) {
  if (!prepared.definition) {
    const errors = prepared.problems.filter((p) => p.severity === "error");
    throw new ActionError(
      400,
      `The import has ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was created. ${formatImportProblem(errors[0])}`,
      undefined,
      { problems: prepared.problems },
    );
  }
  await assertRoomForStack(tx, organizationId);
  await assertNameFree(tx, organizationId, name);
  const stack = await guardUnique(name, () => tx.stack.create({ data: { organizationId, name }, select: { id: true, name: true } }));
  const revision = await saveRevision(tx, organizationId, stack.id, { baseNumber: 0, yaml: prepared.yaml, code: prepared.code, message: "Imported" }, prepared.definition, authorId);
  return { ...stack, revision: revision.number, warnings: prepared.problems.filter((p) => p.severity === "warning") };
}
