"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { checkDefinition, saveRevision as save } from "@/server/stacks/revisions";
import { findStack } from "@/server/stacks/queries";
import { notFound } from "@/server/auth/errors";
import { canvasPositionsSchema } from "@/lib/canvas/positions";
import { codeFiles, definitionYaml } from "@/server/stacks/size-limits";

const codeSchema = codeFiles(z.string().min(1, "a handler file needs a path").max(512));

/**
 * Saves the editor's definition as the next immutable revision. A stale baseNumber is answered with
 * 409 and details.latest (the newer revision) so the editor can show both versions.
 */
export const saveRevision = defineAction({
  action: "stack.revision.save",
  permission: "stack:update",
  input: z.object({
    orgSlug: z.string(),
    stackId: z.string().min(1),
    baseNumber: z.number().int().min(0),
    yaml: definitionYaml(z.string().min(1, "the definition is empty")),
    code: codeSchema,
    message: z.string().max(500, "a message is limited to 500 characters").optional(),
    canvasPositions: canvasPositionsSchema.optional(),
  }),
  async run({ tx, org, user }, input) {
    const stack = await findStack(tx, org.id, input.stackId);
    if (!stack) throw notFound("Stack not found.");
    const revision = await save(tx, org.id, input.stackId, input, await checkDefinition(org.id, stack.name, input.yaml), user.id);
    return {
      data: revision,
      audit: { targetType: "stack", targetId: input.stackId, after: { revision: revision.number, message: input.message ?? null } },
    };
  },
});
