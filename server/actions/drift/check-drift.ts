"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { notFound } from "@/server/auth/errors";
import { performDriftCheck } from "@/server/drift/check-stage";
import { recordDriftCheck } from "@/server/drift/store";

/** Compares what runs in AWS with the stage's last successful deploy, now, and stores the result. */
export const checkDrift = defineAction({
  action: "drift.check",
  mode: "write",
  permission: "drift:check",
  input: z.object({ orgSlug: z.string(), stageId: z.string().min(1).max(100) }),
  // The AWS reads happen here, before the transaction opens.
  async prepare({ db, org }, { stageId }) {
    const stage = await db.stage.findFirst({ where: { id: stageId, stack: { organizationId: org.id } }, select: { id: true } });
    if (!stage) throw notFound("Stage not found.");
    return performDriftCheck(db, stage.id);
  },
  async run({ tx, user }, { stageId }, outcome) {
    const check = await recordDriftCheck(tx, outcome, user.id);
    return {
      data: { checkId: check.id, status: check.status, driftCount: outcome.results.driftCount, error: check.error },
      audit: { targetType: "stage", targetId: stageId, after: { check: check.id, status: check.status, drifts: outcome.results.driftCount } },
    };
  },
});
