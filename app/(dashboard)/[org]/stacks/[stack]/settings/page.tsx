import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { findStackByName } from "@/server/stacks/queries";
import { stageNotifications } from "@/server/notifications/targets";
import { StageNotifications } from "@/components/notifications/stage-notifications";
import { percentDecoded } from "@/server/http/percent-decode";

export const metadata: Metadata = { title: "Stack settings" };

const iso = (d: Date) => d.toISOString();

export default async function StackSettingsPage({ params }: { params: Promise<{ org: string; stack: string }> }) {
  const { org: slug, stack: encodedName } = await params;
  const { org, role } = await requireMembership(slug);
  const stack = await findStackByName(db(), org.id, percentDecoded(encodedName));
  if (!stack) notFound();
  const stages = await stageNotifications(db(), org.id, stack.id);
  const manage = can(role, "stage:manage");
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h2 className="text-xl font-semibold">Deploy notifications</h2>
        <p className="max-w-3xl text-sm text-slate-600">
          Each stage can tell Slack or your own webhooks when a deploy starts, succeeds or fails. Webhooks are signed (header{" "}
          <code className="font-mono">Lambdaplane-Signature: t=&lt;unix seconds&gt;,v1=&lt;HMAC-SHA256 of &quot;t.body&quot;&gt;</code>) and retried with
          backoff until the receiver answers 2xx.
        </p>
      </div>
      {stages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">This stack has no stages yet.</p>
      ) : (
        stages.map((s) => (
          <StageNotifications
            key={s.id}
            orgSlug={org.slug}
            manage={manage}
            stage={{
              id: s.id,
              name: s.name,
              targets: s.targets.map((t) => ({ id: t.id, kind: t.kind, urlHint: t.urlHint, events: t.events })),
              deliveries: s.deliveries.map((d) => ({
                ...d,
                createdAt: iso(d.createdAt),
                attemptLog: d.attemptLog.map((a) => ({ ...a, at: iso(a.at) })),
              })),
            }}
          />
        ))
      )}
    </div>
  );
}
