import "server-only";
import type { Db } from "@/server/db/types";
import { isUniqueViolation } from "@/server/db/errors";
import { invalid, notFound } from "@/server/auth/errors";
import { findStack } from "@/server/stacks/queries";
import { assertRoom, TENANT_LIMITS } from "@/server/tenant-limits";

// Saved test-invoke payloads of a stack's functions. Scoped to the organization through the stack.

export interface SavedPayloadView {
  id: string;
  functionName: string;
  name: string;
  payload: string;
  updatedAt: string;
}

const view = (p: { id: string; functionName: string; name: string; payload: string; updatedAt: Date }): SavedPayloadView => ({
  id: p.id,
  functionName: p.functionName,
  name: p.name,
  payload: p.payload,
  updatedAt: p.updatedAt.toISOString(),
});

export async function listSavedPayloads(client: Db, organizationId: string, stackId: string): Promise<SavedPayloadView[]> {
  const rows = await client.savedPayload.findMany({ where: { stackId, stack: { organizationId } }, orderBy: [{ functionName: "asc" }, { name: "asc" }] });
  return rows.map(view);
}

/** Saving under an existing name replaces that payload: names are how people find them again. */
export async function savePayload(tx: Db, organizationId: string, input: { stackId: string; functionName: string; name: string; payload: string; userId: string | null }) {
  const stack = await findStack(tx, organizationId, input.stackId);
  if (!stack) throw notFound("Stack not found.");
  const before = await tx.savedPayload.findUnique({ where: { stackId_functionName_name: { stackId: stack.id, functionName: input.functionName, name: input.name } } });
  if (!before) {
    const count = await tx.savedPayload.count({ where: { stackId: stack.id, functionName: input.functionName } });
    assertRoom(count, TENANT_LIMITS.savedPayloadsPerFunction, "name", `saved payloads per function (${input.functionName})`);
    assertRoom(await tx.savedPayload.count({ where: { stackId: stack.id } }), TENANT_LIMITS.savedPayloadsPerStack, "name", "saved payloads per stack");
  }
  try {
    const saved = await tx.savedPayload.upsert({
      where: { stackId_functionName_name: { stackId: stack.id, functionName: input.functionName, name: input.name } },
      create: { stackId: stack.id, functionName: input.functionName, name: input.name, payload: input.payload, createdById: input.userId },
      update: { payload: input.payload },
    });
    return { before: before ? view(before) : null, after: view(saved) };
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid("name", `A payload named "${input.name}" was just saved by someone else; save again to replace it.`);
    throw e;
  }
}

export async function deletePayload(tx: Db, organizationId: string, payloadId: string) {
  const found = await tx.savedPayload.findFirst({ where: { id: payloadId, stack: { organizationId } } });
  if (!found) throw notFound("Saved payload not found.");
  await tx.savedPayload.delete({ where: { id: payloadId } });
  return view(found);
}
