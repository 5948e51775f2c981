import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { findStackByName, latestRevision } from "@/server/stacks/queries";
import { listStagesWithHistory } from "@/server/deploy/queries";
import { StagesSummary } from "@/components/deploy/stages-summary";
import { listStageLogs } from "@/server/logs/queries";
import { DeployedFunctions } from "@/components/functions/deployed-functions";
import { percentDecoded } from "@/server/http/percent-decode";

type Params = { params: Promise<{ org: string; stack: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: percentDecoded((await params).stack) };
}

export default async function StackPage({ params }: Params) {
  const { org: slug, stack: name } = await params;
  const { org } = await requireMembership(slug);
  const stack = await findStackByName(db(), org.id, percentDecoded(name));
  if (!stack) notFound();
  const latest = await latestRevision(db(), stack.id);
  const [stages, deployed] = await Promise.all([listStagesWithHistory(db(), stack.id, stack.name), listStageLogs(db(), org.id, stack.id)]);
  const base = `/${org.slug}/stacks/${encodeURIComponent(stack.name)}`;
  return (
    <div className="flex flex-col gap-6">
      <StagesSummary stages={stages} base={base} />
      <DeployedFunctions stages={deployed} stackPath={base} />
      <section aria-labelledby="definition" className="flex flex-col gap-2">
        <h2 id="definition" className="text-lg font-semibold">
          Definition {latest ? `(revision ${latest.number})` : null}
        </h2>
        {latest ? (
          <pre className="overflow-auto rounded-lg border border-slate-200 bg-white p-4 font-mono text-xs">{latest.yaml}</pre>
        ) : (
          <p className="text-slate-600">No revision yet.</p>
        )}
      </section>
      <section aria-labelledby="revisions" className="flex flex-col gap-2">
        <h2 id="revisions" className="text-lg font-semibold">
          Revisions
        </h2>
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
          {stack.revisions.map((r) => (
            <li key={r.id} className="flex gap-4 px-3 py-2">
              <span className="font-mono">#{r.number}</span>
              <span className="flex-1">{r.message ?? <em className="text-slate-500">no message</em>}</span>
              <time className="text-slate-500" dateTime={r.createdAt.toISOString()}>
                {r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </time>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
