"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { regionSchema, stageNameSchema } from "@/lib/names";
import { createStage as create } from "@/server/deploy/stages";

export const createStage = defineAction({
  action: "stage.create",
  mode: "write",
  permission: "stage:manage",
  input: z.object({
    orgSlug: z.string(),
    stackId: z.string().min(1),
    name: stageNameSchema,
    awsConnectionId: z.string().min(1, "Choose an AWS connection."),
    /** The connection's default region when omitted. */
    region: regionSchema.optional(),
    protected: z.boolean().default(false),
  }),
  async run({ tx, org }, { stackId, name, awsConnectionId, region, protected: isProtected }) {
    const stage = await create(tx, org.id, stackId, { name, awsConnectionId, region, protected: isProtected });
    return { data: stage, audit: { targetType: "stage", targetId: stage.id, after: stage } };
  },
});
