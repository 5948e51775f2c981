"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { regionSchema, stageNameSchema } from "@/lib/names";
import { updateStage as update } from "@/server/deploy/stages";

export const updateStage = defineAction({
  action: "stage.update",
  mode: "write",
  permission: "stage:manage",
  input: z.object({
    orgSlug: z.string(),
    stageId: z.string().min(1),
    name: stageNameSchema,
    awsConnectionId: z.string().min(1, "Choose an AWS connection."),
    region: regionSchema.optional(),
    protected: z.boolean(),
  }),
  async run({ tx, org }, { stageId, name, awsConnectionId, region, protected: isProtected }) {
    const { before, after } = await update(tx, org.id, stageId, { name, awsConnectionId, region, protected: isProtected });
    return { data: after, audit: { targetType: "stage", targetId: stageId, before, after } };
  },
});
