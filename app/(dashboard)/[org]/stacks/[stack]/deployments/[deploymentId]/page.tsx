import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { findStackByName } from "@/server/stacks/queries";
import { findDeploymentDetail } from "@/server/deploy/queries";
import { DeploymentLive } from "@/components/deploy/deployment-live";
import { percentDecoded } from "@/server/http/percent-decode";

type Params = { params: Promise<{ org: string; stack: string; deploymentId: string }> };

export const metadata: Metadata = { title: "Deployment" };

export default async function DeploymentPage({ params }: Params) {
  const { org: slug, stack: encodedName, deploymentId } = await params;
  const { org, role } = await requireMembership(slug);
  const stack = await findStackByName(db(), org.id, percentDecoded(encodedName));
  if (!stack) notFound();
  const d = await findDeploymentDetail(db(), stack.id, deploymentId);
  if (!d) notFound();
  const base = `/${org.slug}/stacks/${encodeURIComponent(stack.name)}`;
  const what = d.operation === "destroy" ? `Deleting ${d.cfnStackName}` : `Revision ${d.revision} to ${d.stage.name}`;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Link href={`${base}/deployments`} className="text-sm text-indigo-700 hover:underline">
          ← Deployments
        </Link>
        <h2 className="text-xl font-semibold">{what}</h2>
        <p className="text-sm text-slate-600">
          CloudFormation stack <span className="font-mono">{d.cfnStackName}</span> in {d.stage.region}; started by {d.startedBy ?? "someone removed"} at{" "}
          <time dateTime={d.createdAt.toISOString()}>{d.createdAt.toISOString().slice(0, 19).replace("T", " ")} UTC</time>
          {d.stage.protected ? `; protected stage${d.approvedBy ? `, approved by ${d.approvedBy}` : ""}` : ""}.
        </p>
      </div>
      <DeploymentLive
        orgSlug={org.slug}
        deploymentId={d.id}
        initialEvents={d.events}
        initialState={{
          status: d.status,
          operation: d.operation,
          error: d.error,
          changeSet: d.changeSet,
          outputs: d.outputs,
          createdAt: d.createdAt.toISOString(),
          finishedAt: d.finishedAt?.toISOString() ?? null,
        }}
        renderedAt={d.readAt.getTime()}
        canApprove={can(role, "deploy:approve")}
        canCancel={can(role, "deploy:start")}
        cancelRequested={d.cancelRequested}
        cost={d.cost}
      />
    </div>
  );
}
