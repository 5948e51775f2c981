import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listConnections } from "@/server/aws/connections";
import { findStackByName, latestRevision } from "@/server/stacks/queries";
import { costDifferencesByStage, listStagesWithHistory } from "@/server/deploy/queries";
import { DeployPanel } from "@/components/deploy/deploy-panel";
import { DeploymentHistory } from "@/components/deploy/deployment-history";
import { StageCard } from "@/components/deploy/stage-card";
import { StageForm } from "@/components/deploy/stage-form";
import { percentDecoded } from "@/server/http/percent-decode";

type Params = { params: Promise<{ org: string; stack: string }> };

export const metadata: Metadata = { title: "Deployments" };

export default async function DeploymentsPage({ params }: Params) {
  const { org: slug, stack: encodedName } = await params;
  const { org, role } = await requireMembership(slug);
  const stack = await findStackByName(db(), org.id, percentDecoded(encodedName));
  if (!stack) notFound();
  const base = `/${org.slug}/stacks/${encodeURIComponent(stack.name)}`;
  const manage = can(role, "stage:manage");
  const [stages, latest, connections] = await Promise.all([
    listStagesWithHistory(db(), stack.id, stack.name),
    latestRevision(db(), stack.id),
    manage ? listConnections(db(), org.id) : Promise.resolve([]),
  ]);
  const connectionOptions = connections.map((c) => ({ id: c.id, name: c.name, defaultRegion: c.defaultRegion }));
  const deployable = stages.filter((s) => s.awsConnectionId !== null);
  const costs = latest && can(role, "deploy:start") ? await costDifferencesByStage(db(), org.id, deployable, latest) : {};

  return (
    <div className="flex flex-col gap-6">
      {latest && can(role, "deploy:start") && deployable.length > 0 ? (
        <DeployPanel orgSlug={org.slug} base={base} revision={{ id: latest.id, number: latest.number }} stages={deployable} costs={costs} />
      ) : null}
      <section aria-labelledby="stages-heading" className="flex flex-col gap-3">
        <h2 id="stages-heading" className="text-lg font-semibold">
          Stages
        </h2>
        {stages.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">
            No stages yet. A stage (dev, staging, prod…) deploys the stack as the CloudFormation stack {stack.name}-&lt;stage&gt; through an AWS connection.
          </p>
        ) : (
          <ul className="flex flex-col gap-3" aria-label="Stages">
            {stages.map((s) => (
              <StageCard key={s.id} orgSlug={org.slug} stackId={stack.id} base={base} stage={s} connections={connectionOptions} manage={manage}>
                <DeploymentHistory stageName={s.name} rows={s.history} base={base} />
              </StageCard>
            ))}
          </ul>
        )}
      </section>
      {manage ? (
        <section aria-labelledby="new-stage-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-stage-heading" className="text-lg font-semibold">
            New stage
          </h2>
          <StageForm orgSlug={org.slug} stackId={stack.id} connections={connectionOptions} />
        </section>
      ) : null}
    </div>
  );
}
