import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ActualUsage } from "@/components/cost/actual-usage";
import { CostWorkbench } from "@/components/cost/cost-workbench";
import { can } from "@/lib/auth/permissions";
import { requireMembership } from "@/server/auth/guard";
import { stackActualUsage, stackCostView } from "@/server/cost/queries";
import { db } from "@/server/db/client";
import { findStackByName } from "@/server/stacks/queries";
import { percentDecoded } from "@/server/http/percent-decode";

type Params = { params: Promise<{ org: string; stack: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Costs · ${percentDecoded((await params).stack)}` };
}

async function ActualUsageSection({ stackId }: { stackId: string }) {
  return <ActualUsage stages={await stackActualUsage(db(), stackId)} />;
}

export default async function CostsPage({ params }: Params) {
  const { org: slug, stack: name } = await params;
  const { org, role } = await requireMembership(slug);
  const stack = await findStackByName(db(), org.id, percentDecoded(name));
  if (!stack) notFound();
  const view = await stackCostView(db(), stack.id);
  return (
    <div className="flex flex-col gap-8">
      {view.latest ? (
        <CostWorkbench orgSlug={org.slug} stackId={stack.id} latest={view.latest} previous={view.previous} settings={view.settings} canEdit={can(role, "stack:update")} />
      ) : (
        <p className="text-slate-600">No revision yet: save a definition to see its estimate.</p>
      )}
      <section aria-labelledby="actual-usage" className="flex flex-col gap-2">
        <h2 id="actual-usage" className="text-lg font-semibold">
          Actual usage
        </h2>
        {/* CloudWatch can be slow or unreachable: the estimate above never waits for it. */}
        <Suspense fallback={<p className="text-sm text-slate-600">Reading CloudWatch metrics…</p>}>
          <ActualUsageSection stackId={stack.id} />
        </Suspense>
      </section>
    </div>
  );
}
