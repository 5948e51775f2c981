"use client";
import { deleteNotificationTarget } from "@/server/actions/notifications/delete-notification-target";
import { sendTestDelivery } from "@/server/actions/notifications/send-test-delivery";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";
import { NotificationTargetForm } from "./notification-target-form";
import { DeliveryLog, KIND, type DeliveryView } from "./delivery-log";

export interface StageNotificationsView {
  id: string;
  name: string;
  targets: { id: string; kind: string; urlHint: string; events: string[] }[];
  deliveries: DeliveryView[];
}

/** One stage's notification targets (with add and remove when `manage`) and its delivery log. */
export function StageNotifications({ orgSlug, stage, manage }: { orgSlug: string; stage: StageNotificationsView; manage: boolean }) {
  const remove = useServerAction(deleteNotificationTarget);
  const test = useServerAction(sendTestDelivery);
  const headingId = `stage-${stage.id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Stage {stage.name}
      </h2>
      {stage.targets.length === 0 ? (
        <p className="text-sm text-slate-600">No notifications for this stage.</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm" aria-label={`Notifications of ${stage.name}`}>
          {stage.targets.map((t) => (
            <li key={t.id} className="flex items-center gap-3 py-2">
              <span className="w-20 font-medium">{KIND[t.kind] ?? t.kind}</span>
              <span className="flex-1 font-mono text-xs">{t.urlHint}</span>
              <span className="text-slate-600">{t.events.join(", ")}</span>
              {manage ? (
                <Button variant="secondary" disabled={test.isPending} onClick={() => test.mutate({ orgSlug, targetId: t.id })} aria-label={`Send test delivery to ${KIND[t.kind] ?? t.kind} ${t.urlHint}`}>
                  Send test delivery
                </Button>
              ) : null}
              {manage ? (
                <Button variant="secondary" disabled={remove.isPending} onClick={() => remove.mutate({ orgSlug, targetId: t.id })} aria-label={`Remove ${KIND[t.kind] ?? t.kind} ${t.urlHint}`}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ErrorText message={failureOf(remove.data)?.error ?? failureOf(test.data)?.error} />
      {test.data?.ok ? (
        <p role="status" className="text-sm text-slate-600">
          Test delivery queued: it shows in the delivery log below, marked test.
        </p>
      ) : null}
      {manage ? <NotificationTargetForm orgSlug={orgSlug} stage={stage} /> : null}
      <DeliveryLog orgSlug={orgSlug} stageName={stage.name} deliveries={stage.deliveries} manage={manage} />
    </section>
  );
}
