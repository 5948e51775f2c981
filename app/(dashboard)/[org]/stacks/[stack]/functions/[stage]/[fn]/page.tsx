import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { findStackByName } from "@/server/stacks/queries";
import { listStageLogs } from "@/server/logs/queries";
import { can } from "@/lib/auth/permissions";
import { functionLinks } from "@/lib/functions/links";
import { FunctionDetails } from "@/components/functions/function-details";
import { percentDecoded } from "@/server/http/percent-decode";

type Params = { params: Promise<{ org: string; stack: string; stage: string; fn: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const p = await params;
  return { title: `${percentDecoded(p.fn)} (${percentDecoded(p.stage)}): ${percentDecoded(p.stack)}` };
}

/** One function of a deployed stage, as AWS reports it now (read in the browser, section by section). */
export default async function FunctionPage({ params }: Params) {
  const p = await params;
  const { org, role } = await requireMembership(p.org);
  const stack = await findStackByName(db(), org.id, percentDecoded(p.stack));
  if (!stack) notFound();
  const stage = (await listStageLogs(db(), org.id, stack.id)).find((s) => s.name === percentDecoded(p.stage));
  const fn = stage?.functions.find((f) => f.name === percentDecoded(p.fn));
  if (!stage || !fn) notFound();
  const stackPath = `/${org.slug}/stacks/${encodeURIComponent(stack.name)}`;
  const links = functionLinks(stackPath, stage.id, fn.name);
  return (
    <section aria-labelledby="function-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="function-heading" className="text-lg font-semibold">
          Function {fn.name}
        </h2>
        <span className="text-sm text-slate-600">
          stage {stage.name} ({stage.region}), <span className="font-mono">{fn.physicalName}</span>
        </span>
      </div>
      <nav aria-label="This function elsewhere" className="flex flex-wrap gap-3 text-sm">
        <Link href={links.logs} className="text-indigo-700 hover:underline">
          Logs
        </Link>
        <Link href={links.metrics} className="text-indigo-700 hover:underline">
          Metrics
        </Link>
        {can(role, "function:invoke") ? (
          <Link href={links.invoke} className="text-indigo-700 hover:underline">
            Test invoke
          </Link>
        ) : null}
      </nav>
      <FunctionDetails orgSlug={org.slug} stageId={stage.id} functionName={fn.name} canSeeValues={can(role, "deploy:start")} />
    </section>
  );
}
