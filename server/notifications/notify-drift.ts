import "server-only";
import type { Db } from "@/server/db/types";
import type { Prisma } from "@/server/db/generated/client";
import type { DriftNotification } from "@/lib/notifications/events";
import type { DriftItem } from "@/server/drift/types";
import { enqueueDelivery } from "./queue";

// stage.drifted: one delivery per target of the stage that wants "drifted", for one drift check
// (its id fills the delivery's deploymentId, so the unique key keeps a repeat from sending twice).
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
    const delivery = await tx.notificationDelivery.create({ data: { targetId: target.id, deploymentId: check.id, event: "drifted", payload: {} }, select: { id: true, createdAt: true } });
    const payload: DriftNotification = {
      event: "stage.drifted",
      deliveryId: delivery.id,
      occurredAt: delivery.createdAt.toISOString(),
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
    };
    await tx.notificationDelivery.update({ where: { id: delivery.id }, data: { payload: payload as unknown as Prisma.InputJsonValue } });
    await enqueueDelivery(tx, delivery.id);
  }
  return stage.notificationTargets.length;
}
