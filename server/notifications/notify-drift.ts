import "server-only";
import type { Db } from "@/server/db/types";
import type { DriftItem } from "@/server/drift/types";
import { recordDelivery } from "./record-delivery";

// stage.drifted: one delivery per target of the stage that wants "drifted", for one drift check
// (its id fills the delivery's deploymentId and its status-change key, so a repeat never sends twice).
// Whether a check's drift is new is decided by server/drift/announce.ts.

const LISTED = 10;

function driftUrl(org: string, stack: string): string {
  const base = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}/${org}/stacks/${encodeURIComponent(stack)}/drift`;
}

export async function queueDriftNotifications(tx: Db, check: { id: string; stageId: string; startedById: string | null }, drifts: readonly DriftItem[], count: number): Promise<number> {
  const stage = await tx.stage.findUnique({
    where: { id: check.stageId },
    select: { name: true, notificationTargets: { where: { events: { has: "drifted" } }, select: { id: true } }, stack: { select: { name: true, organization: { select: { slug: true, name: true } } } } },
  });
  if (!stage || stage.notificationTargets.length === 0) return 0;
  const starter = check.startedById ? await tx.user.findUnique({ where: { id: check.startedById }, select: { email: true } }) : null;
  for (const target of stage.notificationTargets) {
    await recordDelivery(tx, { targetId: target.id, deploymentId: check.id, event: "drifted", statusChangeKey: `${target.id}:${check.id}:drifted` }, ({ deliveryId, eventId, createdAt }) => ({
      event: "stage.drifted",
      eventId,
      deliveryId,
      occurredAt: createdAt.toISOString(),
      organization: stage.stack.organization,
      stack: stage.stack.name,
      stage: stage.name,
      drift: {
        checkId: check.id,
        count,
        drifts: drifts.slice(0, LISTED).map((d) => ({ resource: d.resource, property: d.property })),
        checkedBy: starter?.email ?? null,
        url: driftUrl(stage.stack.organization.slug, stage.stack.name),
      },
    }));
  }
  return stage.notificationTargets.length;
}
