import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listConnections } from "@/server/aws/connections";
import { roleSetup } from "@/server/aws/setup";
import { connectionRefusal } from "@/server/aws/connection-policy";
import { awsEndpointOverrideAllowed, instanceCredentialsAllowed } from "@/server/instance/settings";
import { ConnectionForm } from "@/components/aws/connection-form";
import { ConnectionCard } from "@/components/aws/connection-card";

export const metadata: Metadata = { title: "AWS connections" };

export default async function AwsConnectionsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org, role } = await requireMembership((await params).org);
  if (!can(role, "aws:read")) notFound();
  const manage = can(role, "aws:manage");
  const connections = await listConnections(db(), org.id);
  const allowed = { endpointOverride: awsEndpointOverrideAllowed(), instanceCredentials: instanceCredentialsAllowed() };
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">AWS connections</h1>
      <p className="max-w-2xl text-sm text-slate-600">
        Stages deploy through a connection: an IAM role Lambdaplane assumes with an external id it generated
        {allowed.instanceCredentials ? ", or the server's own credentials (this instance allows them)" : ""}.
      </p>
      {connections.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">No connections yet.</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Connections">
          {connections.map((c) => {
            const setup = roleSetup(c);
            return (
              <ConnectionCard
                key={c.id}
                orgSlug={org.slug}
                connection={c}
                manage={manage}
                setup={setup.ok ? { ok: true, trustPolicy: JSON.stringify(setup.trustPolicy, null, 2) } : { ok: false, message: setup.message }}
                refusal={connectionRefusal(c)}
              />
            );
          })}
        </ul>
      )}
      {manage ? <ConnectionForm orgSlug={org.slug} allowed={allowed} /> : null}
    </div>
  );
}
