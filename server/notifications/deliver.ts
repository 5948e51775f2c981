import "server-only";
import { db } from "@/server/db/client";
import { decryptSecret } from "@/server/crypto";
import { outboundFailure, outboundRequest } from "@/server/net/outbound";
import { slackMessage, type Notification } from "@/lib/notifications/events";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

// One attempt at one delivery, run by the notification worker. Every attempt is logged with its
// status code or error; a delivery that succeeded is never sent again, whatever job runs it.

const TIMEOUT_MS = 10_000;

export class DeliveryFailed extends Error {}

export interface DeliveryEnv {
  now: () => Date;
  /** True on the job's last try: a failure then ends the delivery as failed. */
  lastAttempt: boolean;
}

function request(kind: string, payload: Notification, secret: string | null, now: Date): { body: string; headers: Record<string, string> } {
  if (kind === "slack") return { body: JSON.stringify(slackMessage(payload)), headers: { "content-type": "application/json" } };
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Lambdaplane-Webhook/1",
    "lambdaplane-event": payload.event,
    "lambdaplane-delivery": payload.deliveryId,
  };
  if (secret) headers[SIGNATURE_HEADER.toLowerCase()] = signatureHeader(secret, body, Math.floor(now.getTime() / 1000));
  return { body, headers };
}

// The log stores the status or the failure's kind, never the receiver's answer: a tenant must not
// be able to read an internal service's response through a webhook.
async function post(url: string, body: string, headers: Record<string, string>): Promise<{ statusCode: number | null; error: string | null }> {
  try {
    const res = await outboundRequest(url, { method: "POST", body, headers, timeoutMs: TIMEOUT_MS, maxBytes: 0 });
    const ok = res.status >= 200 && res.status < 300;
    return { statusCode: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (e) {
    const failure = outboundFailure(e);
    return { statusCode: null, error: failure.kind === "timeout" ? `timed out: no answer within ${TIMEOUT_MS / 1000} s` : failure.message };
  }
}

/** Sends the delivery once; throws DeliveryFailed (so the queue retries) when the receiver did not take it. */
export async function attemptDelivery(deliveryId: string, env: DeliveryEnv): Promise<"delivered" | "skipped"> {
  const delivery = await db().notificationDelivery.findUnique({ where: { id: deliveryId }, include: { target: true } });
  if (!delivery || delivery.status !== "pending") return "skipped";
  const now = env.now();
  const { target } = delivery;
  const { body, headers } = request(target.kind, delivery.payload as unknown as Notification, target.secretEncrypted ? decryptSecret(target.secretEncrypted) : null, now);
  const started = Date.now();
  const result = await post(decryptSecret(target.urlEncrypted), body, headers);
  const ok = result.error === null;
  const number = delivery.attempts + 1;
  const error = result.error;
  await db().$transaction([
    db().notificationAttempt.create({ data: { deliveryId, number, at: now, statusCode: result.statusCode, error, durationMs: Date.now() - started } }),
    db().notificationDelivery.update({
      where: { id: deliveryId },
      data: {
        attempts: number,
        lastStatusCode: result.statusCode,
        lastError: error,
        ...(ok ? { status: "delivered", deliveredAt: new Date() } : env.lastAttempt ? { status: "failed" } : {}),
      },
    }),
  ]);
  if (!ok) throw new DeliveryFailed(`delivery ${deliveryId} attempt ${number}: ${error}`);
  return "delivered";
}
