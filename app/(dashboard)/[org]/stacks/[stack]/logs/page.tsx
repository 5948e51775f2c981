import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { findStackByName } from "@/server/stacks/queries";
import { listStageLogs } from "@/server/logs/queries";
import { can } from "@/lib/auth/permissions";
import { listSavedPayloads } from "@/server/invoke/saved-payloads";
import { EVENT_TEMPLATES, templatePayload } from "@/server/invoke/templates";
import { LogsWorkspace } from "@/components/logs/logs-workspace";
import { percentDecoded } from "@/server/http/percent-decode";

type Params = { params: Promise<{ org: string; stack: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Logs: ${percentDecoded((await params).stack)}` };
}

export default async function StackLogsPage({ params }: Params) {
  const { org: slug, stack: name } = await params;
  const { org, role } = await requireMembership(slug);
  const stack = await findStackByName(db(), org.id, percentDecoded(name));
  if (!stack) notFound();
  const stages = await listStageLogs(db(), org.id, stack.id);
  const canInvoke = can(role, "function:invoke");
  const savedPayloads = canInvoke ? await listSavedPayloads(db(), org.id, stack.id) : [];
  const templates = Object.fromEntries(
    [...new Set(stages.map((s) => s.region))].map((region) => [region, EVENT_TEMPLATES.map((t) => ({ id: t.id, label: t.label, payload: templatePayload(t.id, region)! }))]),
  );
  return (
    <section aria-labelledby="logs-heading" className="flex flex-col gap-3">
      <h2 id="logs-heading" className="text-lg font-semibold">
        Logs
      </h2>
      <Suspense>
        <LogsWorkspace
          orgSlug={org.slug}
          stackId={stack.id}
          stackPath={`/${org.slug}/stacks/${encodeURIComponent(stack.name)}`}
          templates={templates}
          savedPayloads={savedPayloads}
          canInvoke={canInvoke}
          stages={stages.map((s) => ({ id: s.id, name: s.name, region: s.region, deployed: s.deployedAt !== null, functions: s.functions }))}
        />
      </Suspense>
    </section>
  );
}
