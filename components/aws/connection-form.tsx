"use client";
import { useState, type FormEvent } from "react";
import { createAwsConnection } from "@/server/actions/aws/create-aws-connection";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

type CredentialType = "assume_role" | "default_chain";

/** What the instance settings let a connection use; the form offers nothing else. */
export interface ConnectionOptions {
  endpointOverride: boolean;
  instanceCredentials: boolean;
}

export function ConnectionForm({ orgSlug, allowed }: { orgSlug: string; allowed: ConnectionOptions }) {
  const [name, setName] = useState("");
  const [defaultRegion, setDefaultRegion] = useState("us-east-1");
  const [credentialType, setCredentialType] = useState<CredentialType>("assume_role");
  const [roleArn, setRoleArn] = useState("");
  const [endpoint, setEndpoint] = useState("");
  const create = useServerAction(createAwsConnection);
  const failure = failureOf(create.data);
  const fe = failure?.fieldErrors ?? {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create.mutateAsync({
      orgSlug,
      name,
      defaultRegion,
      credentialType,
      roleArn: credentialType === "assume_role" ? roleArn : undefined,
      endpoint: allowed.endpointOverride && endpoint ? endpoint : undefined,
    });
    if (r.ok) {
      setName("");
      setRoleArn("");
      setEndpoint("");
    }
  }

  return (
    <form onSubmit={submit} className="flex max-w-2xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="New AWS connection">
      <h2 className="text-lg font-semibold">New connection</h2>
      <div className="flex flex-wrap gap-3">
        <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={fe.name} className="w-64" />
        <Field label="Default region" name="defaultRegion" value={defaultRegion} onChange={(e) => setDefaultRegion(e.target.value)} error={fe.defaultRegion} className="w-48" />
      </div>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Credentials</span>
        <select className="w-full max-w-96 rounded-md border border-slate-300 bg-white px-2 py-1.5" value={credentialType} onChange={(e) => setCredentialType(e.target.value as CredentialType)}>
          <option value="assume_role">Assume an IAM role in your account (external id generated)</option>
          {allowed.instanceCredentials ? <option value="default_chain">The server&apos;s default credential chain (self-hosting)</option> : null}
        </select>
      </label>
      {credentialType === "assume_role" ? (
        <Field
          label="Role ARN"
          name="roleArn"
          value={roleArn}
          onChange={(e) => setRoleArn(e.target.value)}
          error={fe.roleArn}
          hint="Leave empty to create the role first: after saving, download its CloudFormation template below."
          placeholder="arn:aws:iam::123456789012:role/lambdaplane-deploy"
        />
      ) : null}
      {allowed.endpointOverride ? (
        <Field
          label="Endpoint override (optional)"
          name="endpoint"
          value={endpoint}
          onChange={(e) => setEndpoint(e.target.value)}
          error={fe.endpoint}
          hint="For LocalStack or moto, e.g. http://127.0.0.1:5000 (the instance's outbound allowlist must list it)."
        />
      ) : null}
      {failure && !Object.keys(fe).length ? <ErrorText message={failure.error} /> : null}
      <div>
        <Button type="submit" disabled={create.isPending}>
          Add connection
        </Button>
      </div>
    </form>
  );
}
