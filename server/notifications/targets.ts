import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/types";
import { encryptSecret } from "@/server/crypto";
import { invalid, notFound } from "@/server/auth/errors";
import { checkOutboundUrl, literalAddressAllowed } from "@/server/net/outbound";
import type { NotificationEvent, TargetKind } from "@/lib/notifications/events";
import { assertRoom, TENANT_LIMITS } from "@/server/tenant-limits";

// A stage's notification targets. URLs are stored encrypted (a Slack webhook URL is a credential);
// a generic webhook gets a generated signing secret, shown once.

/** "https://hooks.slack.com/services/T0…": enough to recognise, not enough to use. */
export function urlHint(url: string): string {
  const u = new URL(url);
  const path = u.pathname.length > 12 ? `${u.pathname.slice(0, 12)}…` : u.pathname;
  return `${u.protocol}//${u.host}${path}`;
}

function checkUrl(kind: TargetKind, raw: string): string {
  const checked = checkOutboundUrl(raw);
  if (!checked.ok) throw invalid("url", `The webhook URL ${checked.problem}.`);
  const { url } = checked;
  if (kind === "slack" && !(url.protocol === "https:" && url.hostname === "hooks.slack.com")) {
    throw invalid("url", "A Slack incoming webhook URL starts with https://hooks.slack.com/.");
  }
  // Names are judged when each delivery resolves them; a literal address can be judged now.
  if (!literalAddressAllowed(url)) throw invalid("url", "The webhook URL points to a private address; use the receiver's public URL.");
  return url.toString();
}

async function findStage(tx: Db, organizationId: string, stageId: string) {
  const stage = await tx.stage.findFirst({ where: { id: stageId, stack: { organizationId } }, select: { id: true, name: true, stack: { select: { name: true } } } });
  if (!stage) throw notFound("Stage not found.");
  return stage;
}

export async function createNotificationTarget(
  tx: Db,
  organizationId: string,
  input: { stageId: string; kind: TargetKind; url: string; events: NotificationEvent[] },
  createdById: string,
) {
  const stage = await findStage(tx, organizationId, input.stageId);
  assertRoom(await tx.notificationTarget.count({ where: { stageId: stage.id } }), TENANT_LIMITS.notificationTargetsPerStage, "url", "notifications per stage");
  const url = checkUrl(input.kind, input.url);
  const secret = input.kind === "webhook" ? `whsec_${randomBytes(24).toString("base64url")}` : null;
  const target = await tx.notificationTarget.create({
    data: {
      stageId: stage.id,
      kind: input.kind,
      urlEncrypted: encryptSecret(url),
      urlHint: urlHint(url),
      secretEncrypted: secret ? encryptSecret(secret) : null,
      events: [...new Set(input.events)],
      createdById,
    },
    select: { id: true, kind: true, urlHint: true, events: true },
  });
  return { ...target, stage: stage.name, stack: stage.stack.name, secret };
}

export async function deleteNotificationTarget(tx: Db, organizationId: string, targetId: string) {
  const target = await tx.notificationTarget.findFirst({
    where: { id: targetId, stage: { stack: { organizationId } } },
    select: { id: true, kind: true, urlHint: true, events: true, stage: { select: { name: true } } },
  });
  if (!target) throw notFound("Notification target not found.");
  await tx.notificationTarget.delete({ where: { id: target.id } });
  return { kind: target.kind, urlHint: target.urlHint, events: target.events, stage: target.stage.name };
}

const LOG_SIZE = 25;

/** Each stage of the stack with its targets and its latest deliveries (newest first) and their attempts. */
export async function stageNotifications(client: Db, organizationId: string, stackId: string) {
  const stages = await client.stage.findMany({
    where: { stackId, stack: { organizationId } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, notificationTargets: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, urlHint: true, events: true, createdAt: true } } },
  });
  return Promise.all(
    stages.map(async (s) => ({
      id: s.id,
      name: s.name,
      targets: s.notificationTargets,
      deliveries: await client.notificationDelivery.findMany({
        where: { target: { stageId: s.id } },
        orderBy: { createdAt: "desc" },
        take: LOG_SIZE,
        select: {
          id: true,
          event: true,
          deploymentId: true,
          test: true,
          redeliveryOfId: true,
          status: true,
          attempts: true,
          lastStatusCode: true,
          lastError: true,
          createdAt: true,
          target: { select: { kind: true, urlHint: true } },
          attemptLog: { orderBy: { number: "asc" }, select: { number: true, at: true, statusCode: true, error: true, durationMs: true } },
        },
      }),
    })),
  );
}
