import "server-only";
import type { Db } from "@/server/db/types";
import { notificationEventFor } from "@/lib/notifications/events";
import { recordDelivery } from "./record-delivery";

// The deploy pipeline's one hook: at a status change (inside its transaction), record a delivery
// for every target of the stage that wants the event and enqueue it. A status change happens once
// (compare-and-set), and the unique status-change key (target, deployment, event) keeps a repeat
// from sending twice.

/** The deployment's own page (its timeline and change set), where a failure notice should lead. */
function deploymentUrl(org: string, stack: string, deploymentId: string): string {
  const base = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}/${org}/stacks/${encodeURIComponent(stack)}/deployments/${deploymentId}`;
}

const statusChangeKey = (targetId: string, deploymentId: string, event: string) => `${targetId}:${deploymentId}:${event}`;

export async function queueDeploymentNotifications(tx: Db, deploymentId: string, operation: "deploy" | "destroy", to: string): Promise<number> {
  const event = notificationEventFor(operation, to);
  if (!event) return 0;
  const d = await tx.deployment.findUnique({
    where: { id: deploymentId },
    select: {
      id: true,
      status: true,
      error: true,
      cfnStackName: true,
      startedById: true,
      revision: { select: { number: true } },
      stage: { select: { name: true, notificationTargets: { where: { events: { has: event } }, select: { id: true } }, stack: { select: { name: true, organization: { select: { slug: true, name: true } } } } } },
    },
  });
  if (!d || d.stage.notificationTargets.length === 0) return 0;
  const existing = await tx.notificationDelivery.findMany({ where: { statusChangeKey: { in: d.stage.notificationTargets.map((t) => statusChangeKey(t.id, deploymentId, event)) } }, select: { targetId: true } });
  const done = new Set(existing.map((e) => e.targetId));
  const starter = d.startedById ? await tx.user.findUnique({ where: { id: d.startedById }, select: { email: true } }) : null;
  let queued = 0;
  for (const target of d.stage.notificationTargets.filter((t) => !done.has(t.id))) {
    await recordDelivery(tx, { targetId: target.id, deploymentId, event, statusChangeKey: statusChangeKey(target.id, deploymentId, event) }, ({ deliveryId, eventId, createdAt }) => ({
      event: `deploy.${event}`,
      eventId,
      deliveryId,
      occurredAt: createdAt.toISOString(),
      organization: d.stage.stack.organization,
      stack: d.stage.stack.name,
      stage: d.stage.name,
      deployment: {
        id: d.id,
        operation,
        status: d.status,
        revision: d.revision.number,
        startedBy: starter?.email ?? null,
        error: d.error,
        cloudFormationStackName: d.cfnStackName,
        url: deploymentUrl(d.stage.stack.organization.slug, d.stage.stack.name, d.id),
      },
    }));
    queued++;
  }
  return queued;
}
