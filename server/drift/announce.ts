import "server-only";
import type { Db } from "@/server/db/types";
import { queueDriftNotifications } from "@/server/notifications/notify-drift";
import type { DriftOutcome } from "./check-stage";
import { driftFingerprint } from "./fingerprint";

// stage.drifted once per new drift: the stage keeps the fingerprint of the drift it last announced.
// A check that finds the same drift announces nothing; one in sync forgets it, so the same drift
// coming back later is new again. An unknown check (AWS unreachable) changes nothing.

export async function announceDrift(tx: Db, outcome: DriftOutcome, check: { id: string; stageId: string; startedById: string | null }): Promise<number> {
  if (outcome.status === "in_sync") {
    await tx.stage.update({ where: { id: outcome.stageId }, data: { driftNotifiedKey: null } });
    return 0;
  }
  if (outcome.status !== "drifted") return 0;
  const cfn = outcome.results.cloudFormation?.status === "checked" ? outcome.results.cloudFormation.drifts : [];
  const drifts = [...outcome.results.drifts, ...cfn];
  const key = driftFingerprint(drifts);
  // Compare-and-set: of two checks recording the same new drift at once, one announces it.
  const { count } = await tx.stage.updateMany({
    where: { id: outcome.stageId, OR: [{ driftNotifiedKey: null }, { driftNotifiedKey: { not: key } }] },
    data: { driftNotifiedKey: key },
  });
  if (count === 0) return 0;
  return queueDriftNotifications(tx, check, drifts, outcome.results.driftCount + cfn.length);
}
