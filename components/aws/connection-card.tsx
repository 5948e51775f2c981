"use client";
import { testAwsConnection } from "@/server/actions/aws/test-aws-connection";
import { deleteAwsConnection } from "@/server/actions/aws/delete-aws-connection";
import type { ConnectionView } from "@/server/aws/connections";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

export function ConnectionCard({
  orgSlug,
  connection,
  setup,
  manage,
  refusal,
}: {
  orgSlug: string;
  connection: ConnectionView;
  setup: { ok: true; trustPolicy: string } | { ok: false; message: string };
  manage: boolean;
  /** Why this instance will not use the connection (it predates a setting), or null. */
  refusal: string | null;
}) {
  const test = useServerAction(testAwsConnection);
  const remove = useServerAction(deleteAwsConnection);
  const tested = test.data?.ok ? test.data.data : null;

  return (
    <li className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={`connection-${connection.name}`}>
      <div className="flex flex-wrap items-baseline gap-3">
        <h3 className="font-semibold">{connection.name}</h3>
        <span className="text-sm text-slate-600">{connection.defaultRegion}</span>
        <span className="text-sm text-slate-600">{connection.credentialType === "assume_role" ? "assume role" : "default credential chain"}</span>
        {connection.endpoint ? <span className="font-mono text-xs text-amber-800">endpoint {connection.endpoint}</span> : null}
      </div>
      {refusal ? <ErrorText message={`Cannot be used: ${refusal}`} /> : null}
      {connection.credentialType === "assume_role" ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">Role ARN</dt>
          <dd className="font-mono text-xs">{connection.roleArn ?? "not set yet"}</dd>
          <dt className="text-slate-600">External id</dt>
          <dd className="font-mono text-xs">{connection.externalId}</dd>
        </dl>
      ) : null}
      {connection.credentialType === "assume_role" ? (
        setup.ok ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-indigo-700">Trust policy and role template</summary>
            <pre className="mt-2 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">{setup.trustPolicy}</pre>
            <a className="text-indigo-700 underline" href={`/api/orgs/${orgSlug}/aws-connections/${connection.id}/role-template`}>
              Download the CloudFormation template that creates this role
            </a>
          </details>
        ) : (
          <p className="text-sm text-amber-800">{setup.message}</p>
        )
      ) : null}
      {manage ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" disabled={test.isPending} onClick={() => test.mutate({ orgSlug, connectionId: connection.id })}>
            {test.isPending ? "Testing…" : "Test connection"}
          </Button>
          <Button variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ orgSlug, connectionId: connection.id })} aria-label={`Delete connection ${connection.name}`}>
            Delete
          </Button>
          {tested ? (
            tested.ok ? (
              <span role="status" className="text-sm text-green-700">
                Connected as {tested.arn} (account {tested.account})
              </span>
            ) : (
              <ErrorText message={tested.message} details={tested.details} />
            )
          ) : null}
          <ErrorText message={failureOf(test.data)?.error ?? failureOf(remove.data)?.error} />
        </div>
      ) : null}
    </li>
  );
}
