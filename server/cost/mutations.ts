import "server-only";
import { validateUsage, type PricedRegion } from "@/lib/cost";
import { ActionError, notFound } from "@/server/auth/errors";
import type { Db } from "@/server/db/types";
import type { StackDefinition } from "@/lib/stack";
import { findStack, latestRevision } from "@/server/stacks/queries";
import { revisionDefinition } from "@/server/stacks/revision-reads";

export interface CostSettingsInput {
  region: PricedRegion;
  freeTier: boolean;
  /** Usage per resource name; checked against the stack's latest revision. */
  usage: Record<string, unknown>;
}

/** The latest revision's definition, which saved usage must fit (read before the save's transaction: it may need the compute pool). */
export async function latestDefinition(client: Db, organizationId: string, stackId: string): Promise<StackDefinition | null> {
  const stack = await findStack(client, organizationId, stackId);
  if (!stack) throw notFound("Stack not found.");
  const latest = await latestRevision(client, stackId);
  return latest ? revisionDefinition(latest, organizationId) : null;
}

/** Saves a stack's usage assumptions; usage that does not fit `definition` (latestDefinition's) is refused, naming the field. */
export async function saveCostSettings(tx: Db, organizationId: string, stackId: string, input: CostSettingsInput, userId: string, definition: StackDefinition | null) {
  const stack = await findStack(tx, organizationId, stackId);
  if (!stack) throw notFound("Stack not found.");
  if (!definition) throw new ActionError(400, "usage: the stack has no valid revision to estimate yet.", { usage: "No valid revision." });
  const { usage, diagnostics } = validateUsage(input.usage, definition);
  if (!usage) {
    const fieldErrors = Object.fromEntries(diagnostics.map((d) => [["usage", ...d.path].join("."), d.message]));
    const [field, message] = Object.entries(fieldErrors)[0];
    throw new ActionError(400, `${field}: ${message}`, fieldErrors);
  }
  const before = await tx.stackCostSettings.findUnique({ where: { stackId }, select: { region: true, freeTier: true, usage: true } });
  const data = { region: input.region, freeTier: input.freeTier, usage: usage as object, updatedById: userId };
  await tx.stackCostSettings.upsert({ where: { stackId }, create: { stackId, ...data }, update: data });
  return { before, after: { region: input.region, freeTier: input.freeTier, usage } };
}
