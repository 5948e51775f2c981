import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { findStackByName } from "@/server/stacks/queries";
import { listRevisions } from "@/server/stacks/revision-history";
import { comparePair, compareQuerySchema, loadRevisionDiff } from "@/server/stacks/compare-revisions";
import { CompareForm } from "@/components/revisions/compare-form";
import { RevisionDiffView } from "@/components/revisions/revision-diff-view";
import { RevisionHistory } from "@/components/revisions/revision-history";
import { percentDecoded } from "@/server/http/percent-decode";

type Props = { params: Promise<{ org: string; stack: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Revisions · ${percentDecoded((await params).stack)}` };
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { org: slug, stack: name } = await params;
  const { org, role } = await requireMembership(slug);
  const stack = await findStackByName(db(), org.id, percentDecoded(name));
  if (!stack) notFound();
  const revisions = await listRevisions(db(), org.id, stack.id);
  const query = compareQuerySchema.parse(await searchParams);
  const pair = comparePair(query, revisions.map((r) => r.number));
  const diff = pair ? await loadRevisionDiff(db(), org.id, stack, pair, query.region) : null;
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="history" className="flex flex-col gap-2">
        <h2 id="history" className="text-lg font-semibold">
          History
        </h2>
        <RevisionHistory orgSlug={org.slug} stackId={stack.id} revisions={revisions} mayRestore={can(role, "stack:update")} mayDeleteHistory={can(role, "stack:delete")} />
      </section>
      <section aria-labelledby="compare" className="flex flex-col gap-3">
        <h2 id="compare" className="text-lg font-semibold">
          Compare {pair ? `revision ${pair.from} with revision ${pair.to}` : "revisions"}
        </h2>
        {pair && diff ? (
          <>
            <CompareForm numbers={revisions.map((r) => r.number)} from={pair.from} to={pair.to} region={query.region} />
            <RevisionDiffView diff={diff} />
          </>
        ) : (
          <p className="text-sm text-slate-600">The stack has one revision; save another to compare them.</p>
        )}
      </section>
    </div>
  );
}
