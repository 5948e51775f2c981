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
  mode: "write",
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
  // The definition is parsed and validated in the compute pool before the transaction opens.
  async prepare({ db, org }, input) {
    const stack = await findStack(db, org.id, input.stackId);
    if (!stack) throw notFound("Stack not found.");
    return checkDefinition(org.id, stack.name, input.yaml);
  },
  async run({ tx, org, user }, input, definition) {
    const revision = await save(tx, org.id, input.stackId, input, definition, user.id);
    return {
      data: revision,
      audit: { targetType: "stack", targetId: input.stackId, after: { revision: revision.number, message: input.message ?? null } },
    };
  },
});
