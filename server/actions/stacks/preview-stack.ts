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
  mode: "read",
  permission: "stack:read",
  input: z.object({
    orgSlug: z.string(),
    stackId: z.string().min(1),
    yaml: definitionYaml(),
    code: codeFiles(),
  }),
  async run({ db, org }, input) {
    const stack = await findStack(db, org.id, input.stackId);
    if (!stack) throw notFound("Stack not found.");
    return runCompute("previewStack", [input.yaml, input.code, stack.name], { organizationId: org.id, doing: `Previewing stack "${stack.name}"` });
  },
});
