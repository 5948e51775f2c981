import "server-only";
import type { Db } from "@/server/db/types";
import { isUniqueViolation } from "@/server/db/errors";
import { ActionError, invalid, notFound } from "@/server/auth/errors";
import { findStack } from "./queries";
import { assertStackStagesRemovable } from "@/server/deploy/stage-removal";
import { assertRoom, TENANT_LIMITS } from "@/server/tenant-limits";
import { emptyRevision, starterRevision, type StackStart } from "./starter";

const duplicateName = (name: string) => invalid("name", `A stack named "${name}" already exists in this organization.`);

/**
 * Names differing only in case clash too: bucket and user-pool names are lower-cased from the
 * stack name, so "Orders" and "orders" deployed to one stage would claim the same resources.
 * The unique index on (organizationId, lower(name)) catches a concurrent create this check cannot
 * see yet; guardUnique turns its refusal into the same field error.
 */
export async function assertNameFree(tx: Db, organizationId: string, name: string, exceptId?: string) {
  const clash = await tx.stack.findFirst({
    where: { organizationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw duplicateName(clash.name);
}

export async function guardUnique<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateName(name);
    throw e;
  }
}

/** Refuses a new stack once the organization has TENANT_LIMITS.stacksPerOrganization. */
export async function assertRoomForStack(tx: Db, organizationId: string): Promise<void> {
  assertRoom(await tx.stack.count({ where: { organizationId } }), TENANT_LIMITS.stacksPerOrganization, "name", "stacks per organization");
}

export async function createStack(tx: Db, organizationId: string, name: string, authorId: string, start: StackStart = "starter") {
  await assertRoomForStack(tx, organizationId);
  await assertNameFree(tx, organizationId, name);
  return guardUnique(name, () =>
    tx.stack.create({
      data: {
        organizationId,
        name,
        revisions: { create: start === "empty" ? emptyRevision("Created empty", authorId) : starterRevision("Created", authorId) },
      },
      select: { id: true, name: true },
    }),
  );
}

export async function renameStack(tx: Db, organizationId: string, stackId: string, name: string) {
  const stack = await findStack(tx, organizationId, stackId);
  if (!stack) throw notFound("Stack not found.");
  if (stack.name === name) return { before: stack.name, after: name };
  await assertNameFree(tx, organizationId, name, stackId);
  await guardUnique(name, () => tx.stack.update({ where: { id: stackId }, data: { name } }));
  return { before: stack.name, after: name };
}

export async function deleteStack(tx: Db, organizationId: string, stackId: string, confirmation: string) {
  const stack = await findStack(tx, organizationId, stackId);
  if (!stack) throw notFound("Stack not found.");
  if (confirmation !== stack.name) {
    throw new ActionError(400, `confirmation: type the stack name "${stack.name}" to delete it.`, {
      confirmation: `Type "${stack.name}" exactly.`,
    });
  }
  await assertStackStagesRemovable(tx, stack);
  const deployed = await tx.deployment.count({ where: { stage: { stackId }, status: "succeeded" } });
  await tx.stack.delete({ where: { id: stackId } });
  return { name: stack.name, hadDeployments: deployed > 0 };
}
