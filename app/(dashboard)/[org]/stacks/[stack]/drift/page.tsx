import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { findStackByName } from "@/server/stacks/queries";
import { stageDrifts } from "@/server/drift/queries";
import { DriftActions } from "@/components/drift/drift-actions";
import { DriftScheduleForm } from "@/components/drift/drift-schedule-form";
import { StageDriftCard } from "@/components/drift/stage-drift-card";
import { percentDecoded } from "@/server/http/percent-decode";

type Params = { params: Promise<{ org: string; stack: string }> };

export const metadata: Metadata = { title: "Drift" };

export default async function DriftPage({ params }: Params) {
  const { org: slug, stack: encodedName } = await params;
  const { org, role } = await requireMembership(slug);
  if (!can(role, "drift:read")) notFound();
  const stack = await findStackByName(db(), org.id, percentDecoded(encodedName));
  if (!stack) notFound();
  const base = `/${org.slug}/stacks/${encodeURIComponent(stack.name)}`;
  const stages = await stageDrifts(db(), stack.id, { revealEnvironment: can(role, "deploy:start") });
  return (
    <section aria-labelledby="drift-heading" className="flex flex-col gap-3">
      <h2 id="drift-heading" className="text-lg font-semibold">
        Drift
      </h2>
      <p className="text-sm text-slate-600">What runs in AWS compared with what each stage&apos;s last successful deploy rendered.</p>
      {stages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">No stages yet.</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Stage drift">
          {stages.map((s) => (
            <StageDriftCard key={s.id} stage={s} adoptHref={can(role, "drift:adopt") ? `${base}/drift/adopt` : null}>
              <DriftActions
                orgSlug={org.slug}
                stageId={s.id}
                base={base}
                canCheck={can(role, "drift:check")}
                canReconcile={can(role, "deploy:start") && s.latest?.status === "drifted" && s.deployedRevision !== null}
              />
              {can(role, "stage:manage") ? <DriftScheduleForm orgSlug={org.slug} stageId={s.id} intervalHours={s.intervalHours} /> : null}
            </StageDriftCard>
          ))}
        </ul>
      )}
    </section>
  );
}
