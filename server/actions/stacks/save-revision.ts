"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { saveRevision as save } from "@/server/stacks/revisions";
import { canvasPositionsSchema } from "@/lib/canvas/positions";

// Bounds that keep one save well inside a request body and a JSON column; far above real stacks.
const MAX_YAML_BYTES = 1_000_000;
const MAX_CODE_FILE_BYTES = 1_000_000;
const MAX_CODE_FILES = 500;

const codeSchema = z
  .record(z.string().min(1, "a handler file needs a path").max(512), z.string().max(MAX_CODE_FILE_BYTES, "a handler file is limited to 1 MB"))
  .refine((files) => Object.keys(files).length <= MAX_CODE_FILES, `at most ${MAX_CODE_FILES} handler files`);

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
    yaml: z.string().min(1, "the definition is empty").max(MAX_YAML_BYTES, "the definition is limited to 1 MB"),
    code: codeSchema,
    message: z.string().max(500, "a message is limited to 500 characters").optional(),
    canvasPositions: canvasPositionsSchema.optional(),
  }),
  async run({ tx, org, user }, input) {
    const revision = await save(tx, org.id, input.stackId, input, user.id);
    return {
      data: revision,
      audit: { targetType: "stack", targetId: input.stackId, after: { revision: revision.number, message: input.message ?? null } },
    };
  },
});
