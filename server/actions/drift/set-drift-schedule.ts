"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { notFound } from "@/server/auth/errors";

const MAX_DRIFT_INTERVAL_HOURS = 24 * 30;

/** How often the schedule checks a stage for drift, in hours; null turns scheduled checks off. */
export const setDriftSchedule = defineAction({
  action: "stage.drift_schedule",
  mode: "write",
  permission: "stage:manage",
  input: z.object({
    orgSlug: z.string(),
    stageId: z.string().min(1).max(100),
    intervalHours: z
      .number("intervalHours: a whole number of hours, or null for off")
      .int("intervalHours: a whole number of hours")
      .min(1, "intervalHours: at least 1 hour")
      .max(MAX_DRIFT_INTERVAL_HOURS, `intervalHours: at most ${MAX_DRIFT_INTERVAL_HOURS} hours (30 days)`)
      .nullable(),
  }),
  async run({ tx, org }, { stageId, intervalHours }) {
    const stage = await tx.stage.findFirst({ where: { id: stageId, stack: { organizationId: org.id } }, select: { id: true, driftCheckIntervalHours: true } });
    if (!stage) throw notFound("Stage not found.");
    await tx.stage.update({ where: { id: stageId }, data: { driftCheckIntervalHours: intervalHours } });
    return {
      data: { intervalHours },
      audit: { targetType: "stage", targetId: stageId, before: { driftCheckIntervalHours: stage.driftCheckIntervalHours }, after: { driftCheckIntervalHours: intervalHours } },
    };
  },
});
