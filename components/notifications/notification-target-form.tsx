"use client";
import { useState, type FormEvent } from "react";
import { createNotificationTarget } from "@/server/actions/notifications/create-notification-target";
import { NOTIFICATION_EVENTS, type NotificationEvent, type TargetKind } from "@/lib/notifications/events";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

/** Adds a Slack incoming webhook or a signed generic webhook to one stage. */
export function NotificationTargetForm({ orgSlug, stage }: { orgSlug: string; stage: { id: string; name: string } }) {
  const [kind, setKind] = useState<TargetKind>("slack");
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<NotificationEvent[]>(["started", "succeeded", "failed"]);
  const create = useServerAction(createNotificationTarget);
  const failure = failureOf(create.data);
  const fe = failure?.fieldErrors ?? {};
  const created = create.data?.ok ? create.data.data : null;
  const eventError = Object.entries(fe).find(([k]) => k.startsWith("events"))?.[1];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create.mutateAsync({ orgSlug, stageId: stage.id, kind, url, events });
    if (r.ok) setUrl("");
  }

  return (
    <div className="flex flex-col gap-2">
      <form onSubmit={submit} className="flex flex-col gap-3" aria-label={`Add a notification to ${stage.name}`}>
        <div className="flex flex-wrap items-start gap-3">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">Kind</span>
            <select className="rounded-md border border-slate-300 bg-white px-2 py-1.5" value={kind} onChange={(e) => setKind(e.target.value as TargetKind)}>
              <option value="slack">Slack incoming webhook</option>
              <option value="webhook">Generic webhook (signed)</option>
            </select>
          </label>
          <Field
            label="Webhook URL"
            name="url"
            className="min-w-80 flex-1"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={fe.url}
            placeholder={kind === "slack" ? "https://hooks.slack.com/services/…" : "https://ci.example.com/hooks/lambdaplane"}
            hint="Stored encrypted; lists show only its start."
          />
        </div>
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="mb-1 font-medium text-slate-700">Notify when a deploy starts, succeeds or fails, or the stage drifted</legend>
          {NOTIFICATION_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={events.includes(event)}
                onChange={(e) => setEvents((s) => (e.target.checked ? [...s, event] : s.filter((x) => x !== event)))}
              />
              {event}
            </label>
          ))}
        </fieldset>
        {eventError ? <ErrorText message={eventError} /> : null}
        {failure && !fe.url && !eventError ? <ErrorText message={failure.error} /> : null}
        <div>
          <Button type="submit" disabled={create.isPending}>
            Add notification
          </Button>
        </div>
      </form>
      {created?.secret ? (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          <p>Webhook added. Its signing secret is shown once: give it to the receiver to check the Lambdaplane-Signature header.</p>
          <input
            readOnly
            aria-label="Webhook signing secret"
            className="mt-2 w-full rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs"
            value={created.secret}
            onFocus={(e) => e.target.select()}
          />
        </div>
      ) : created ? (
        <p role="status" className="text-sm text-green-700">
          Slack webhook added.
        </p>
      ) : null}
    </div>
  );
}
