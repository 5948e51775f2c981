"use client";
import { deleteNotificationTarget } from "@/server/actions/notifications/delete-notification-target";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";
import { NotificationTargetForm } from "./notification-target-form";

export interface StageNotificationsView {
  id: string;
  name: string;
  targets: { id: string; kind: string; urlHint: string; events: string[] }[];
  deliveries: {
    id: string;
    event: string;
    deploymentId: string;
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
    createdAt: string;
    target: { kind: string; urlHint: string };
    attemptLog: { number: number; at: string; statusCode: number | null; error: string | null; durationMs: number }[];
  }[];
}

const when = (iso: string) => iso.slice(0, 19).replace("T", " ");
const KIND: Record<string, string> = { slack: "Slack", webhook: "Webhook" };
const STATUS_CLASS: Record<string, string> = { delivered: "text-green-700", failed: "text-red-700", pending: "text-amber-700" };

/** One stage's notification targets (with add and remove when `manage`) and its delivery log. */
export function StageNotifications({ orgSlug, stage, manage }: { orgSlug: string; stage: StageNotificationsView; manage: boolean }) {
  const remove = useServerAction(deleteNotificationTarget);
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
                <Button variant="secondary" disabled={remove.isPending} onClick={() => remove.mutate({ orgSlug, targetId: t.id })} aria-label={`Remove ${KIND[t.kind] ?? t.kind} ${t.urlHint}`}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ErrorText message={failureOf(remove.data)?.error} />
      {manage ? <NotificationTargetForm orgSlug={orgSlug} stage={stage} /> : null}
      <h3 className="font-semibold">Delivery log</h3>
      {stage.deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing sent yet.</p>
      ) : (
        <table className="w-full text-sm" aria-label={`Delivery log of ${stage.name}`}>
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-1">Queued</th>
              <th scope="col" className="px-2 py-1">Event</th>
              <th scope="col" className="px-2 py-1">To</th>
              <th scope="col" className="px-2 py-1">Status</th>
              <th scope="col" className="px-2 py-1">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {stage.deliveries.map((d) => (
              <tr key={d.id} className="border-t border-slate-200 align-top">
                <td className="px-2 py-1 whitespace-nowrap">{when(d.createdAt)}</td>
                <td className="px-2 py-1">
                  {d.event}
                  <span className="block font-mono text-xs text-slate-500">{d.deploymentId}</span>
                </td>
                <td className="px-2 py-1">
                  {KIND[d.target.kind] ?? d.target.kind} <span className="font-mono text-xs">{d.target.urlHint}</span>
                </td>
                <td className={`px-2 py-1 ${STATUS_CLASS[d.status] ?? ""}`}>
                  {d.status}
                  {d.lastStatusCode !== null ? ` (HTTP ${d.lastStatusCode})` : ""}
                </td>
                <td className="px-2 py-1">
                  {d.attemptLog.length === 0 ? (
                    "none yet"
                  ) : (
                    <ol className="flex flex-col gap-0.5">
                      {d.attemptLog.map((a) => (
                        <li key={a.number}>
                          #{a.number} {when(a.at)} · {a.statusCode ?? "no answer"} · {a.durationMs} ms
                          {a.error ? <span className="block text-xs text-red-700">{a.error}</span> : null}
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
