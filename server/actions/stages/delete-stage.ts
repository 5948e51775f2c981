"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { deleteStage as remove } from "@/server/deploy/stages";

/** Removes the stage record and its history; refused while its CloudFormation stack exists (delete that first). */
export const deleteStage = defineAction({
  action: "stage.delete",
  mode: "write",
  permission: "stage:manage",
  input: z.object({ orgSlug: z.string(), stageId: z.string().min(1), confirmation: z.string() }),
  async run({ tx, org }, { stageId, confirmation }) {
    const removed = await remove(tx, org.id, stageId, confirmation);
    return { data: null, audit: { targetType: "stage", targetId: stageId, before: removed } };
  },
});
