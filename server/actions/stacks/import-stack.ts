"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { stackNameSchema } from "@/lib/names";
import { runCompute } from "@/server/compute/pool";
import { importStack as create } from "@/server/stacks/import";
import { ZIP_LIMITS } from "@/server/stacks/import-zip";
import { definitionYaml } from "@/server/stacks/size-limits";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const fileName = z.string().trim().min(1).max(255);

/**
 * Creates a new stack from a Stacktape-style YAML and, optionally, a zip of its handler files
 * (base64, so the action's input stays plain data). Any error creates nothing and answers 400
 * with details.problems, each naming its file, line or zip entry; warnings come back with the stack.
 */
export const importStack = defineAction({
  action: "stack.import",
  mode: "write",
  permission: "stack:create",
  input: z.object({
    orgSlug: z.string(),
    name: stackNameSchema,
    yaml: definitionYaml(z.string().min(1, "the definition is empty: paste or upload a YAML file")),
    yamlName: fileName.default("stack.yml"),
    zip: z
      .object({
        name: fileName,
        base64: z
          .string()
          .max(Math.ceil(ZIP_LIMITS.zipBytes / 3) * 4, `the zip is limited to ${ZIP_LIMITS.zipBytes / (1024 * 1024)} MB`)
          .regex(BASE64, "the zip upload is not base64"),
      })
      .optional(),
  }),
  // Unzipping and checking the import is CPU work that needs no database: done before the transaction.
  async prepare(ctx, input) {
    const zip = input.zip ? { name: input.zip.name, bytes: new Uint8Array(Buffer.from(input.zip.base64, "base64")) } : undefined;
    return runCompute("prepareImport", [{ yaml: input.yaml, yamlName: input.yamlName, zip }], { organizationId: ctx.org.id, doing: `Importing stack "${input.name}"` });
  },
  async run({ tx, org, user }, input, prepared) {
    const stack = await create(tx, org.id, input.name, prepared, user.id);
    return {
      data: stack,
      audit: {
        targetType: "stack",
        targetId: stack.id,
        after: { name: stack.name, imported: input.yamlName, files: Object.keys(prepared.code).length, warnings: stack.warnings.length },
      },
    };
  },
});
