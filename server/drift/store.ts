import "server-only";
import type { Db } from "@/server/db/types";
import type { Prisma } from "@/server/db/generated/client";
import { announceDrift } from "./announce";
import type { DriftOutcome } from "./check-stage";

// Drift check rows: written once per check (with its stage.drifted announcement, when new), read by the drift view.

export async function recordDriftCheck(tx: Db, outcome: DriftOutcome, startedById: string | null) {
  const check = await tx.driftCheck.create({
    data: {
      stageId: outcome.stageId,
      deploymentId: outcome.deploymentId,
      startedById,
      status: outcome.status,
      results: outcome.results as unknown as Prisma.InputJsonValue,
      error: outcome.error,
    },
  });
  await announceDrift(tx, outcome, check);
  return check;
}
