"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { notFound } from "@/server/auth/errors";
import { findStack } from "@/server/stacks/queries";
import { runCompute } from "@/server/compute/pool";
import { codeFiles, definitionYaml } from "@/server/stacks/size-limits";

/** Read-only: renders the editor's unsaved definition to its template and diagnostics. Nothing is stored or audited. */
export const previewStack = defineAction({
  action: "stack.preview",
  permission: "stack:read",
  input: z.object({
    orgSlug: z.string(),
    stackId: z.string().min(1),
    yaml: definitionYaml(),
    code: codeFiles(),
  }),
  async run({ tx, org }, input) {
    const stack = await findStack(tx, org.id, input.stackId);
    if (!stack) throw notFound("Stack not found.");
    const preview = await runCompute("previewStack", [input.yaml, input.code, stack.name], { organizationId: org.id, doing: `Previewing stack "${stack.name}"` });
    return { data: preview, audit: null };
  },
});
