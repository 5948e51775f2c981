"use client";
import { redeliverNotification } from "@/server/actions/notifications/redeliver-notification";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";
import { ScrollX } from "@/components/ui/scroll-x";

export interface DeliveryView {
  id: string;
  event: string;
  deploymentId: string | null;
  test: boolean;
  redeliveryOfId: string | null;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  target: { kind: string; urlHint: string };
  attemptLog: { number: number; at: string; statusCode: number | null; error: string | null; durationMs: number }[];
}

const when = (iso: string) => iso.slice(0, 19).replace("T", " ");
export const KIND: Record<string, string> = { slack: "Slack", webhook: "Webhook" };
const STATUS_CLASS: Record<string, string> = { delivered: "text-green-700", failed: "text-red-700", pending: "text-amber-700" };

/** A stage's latest deliveries with every attempt; "Redeliver" (when `manage`) on those that ended. */
export function DeliveryLog({ orgSlug, stageName, deliveries, manage }: { orgSlug: string; stageName: string; deliveries: DeliveryView[]; manage: boolean }) {
  const redeliver = useServerAction(redeliverNotification);
  return (
    <>
      <h3 className="font-semibold">Delivery log</h3>
      <ErrorText message={failureOf(redeliver.data)?.error} />
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing sent yet.</p>
      ) : (
        <ScrollX>
          <table className="w-full text-sm" aria-label={`Delivery log of ${stageName}`}>
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-2 py-1">Queued</th>
                <th scope="col" className="px-2 py-1">Event</th>
                <th scope="col" className="px-2 py-1">To</th>
                <th scope="col" className="px-2 py-1">Status</th>
                <th scope="col" className="px-2 py-1">Attempts</th>
                {manage ? <th scope="col" className="px-2 py-1"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className="border-t border-slate-200 align-top">
                  <td className="px-2 py-1 whitespace-nowrap">{when(d.createdAt)}</td>
                  <td className="px-2 py-1">
                    {d.event}
                    {d.test ? <span className="ml-1 rounded bg-slate-200 px-1 text-xs">test</span> : null}
                    {d.redeliveryOfId ? <span className="ml-1 rounded bg-slate-200 px-1 text-xs">redelivery</span> : null}
                    {d.deploymentId ? <span className="block font-mono text-xs text-slate-500">{d.deploymentId}</span> : null}
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
                  {manage ? (
                    <td className="px-2 py-1">
                      {d.status === "pending" ? null : (
                        <Button variant="secondary" disabled={redeliver.isPending} onClick={() => redeliver.mutate({ orgSlug, deliveryId: d.id })} aria-label={`Redeliver ${d.event} of ${when(d.createdAt)}`}>
                          Redeliver
                        </Button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </>
  );
}
