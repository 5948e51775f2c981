"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { saveSsoConnection } from "@/server/actions/sso/save-sso-connection";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

export interface SsoFormValues {
  id: string | null;
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  defaultRole: Role;
  enforced: boolean;
}

export function SsoSettingsForm({ orgSlug, initial, callbackBase }: { orgSlug: string; initial: SsoFormValues; callbackBase: string }) {
  const [issuer, setIssuer] = useState(initial.issuer);
  const [clientId, setClientId] = useState(initial.clientId);
  const [clientSecret, setClientSecret] = useState("");
  const [defaultRole, setDefaultRole] = useState<Role>(initial.defaultRole);
  const [enforced, setEnforced] = useState(initial.enforced);
  const save = useServerAction(saveSsoConnection);
  const failure = failureOf(save.data);
  const fe = failure?.fieldErrors ?? {};
  const savedId = save.data?.ok ? save.data.data.id : initial.id;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await save.mutateAsync({ orgSlug, issuer, clientId, clientSecret: clientSecret || undefined, defaultRole, enforced });
    if (r.ok) setClientSecret("");
  }

  return (
    <form onSubmit={submit} className="flex max-w-2xl flex-col gap-4" aria-label="SSO settings">
      <Field
        label="Issuer URL"
        name="issuer"
        value={issuer}
        onChange={(e) => setIssuer(e.target.value)}
        error={fe.issuer}
        hint="Checked live against <issuer>/.well-known/openid-configuration when you save."
        placeholder="https://your-org.okta.com"
      />
      <Field label="Client ID" name="clientId" value={clientId} onChange={(e) => setClientId(e.target.value)} error={fe.clientId} />
      <Field
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="off"
        value={clientSecret}
        onChange={(e) => setClientSecret(e.target.value)}
        error={fe.clientSecret}
        hint={initial.hasSecret || savedId ? "Saved and hidden. Enter a new value only to replace it." : "Stored encrypted; never shown again."}
      />
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Default role</span>
        <select className="w-48 rounded-md border border-slate-300 bg-white px-2 py-1.5" value={defaultRole} onChange={(e) => setDefaultRole(e.target.value as Role)}>
          {ROLES.filter((r) => r !== "owner").map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        {fe.defaultRole ? <span role="alert" className="text-red-600">{fe.defaultRole}</span> : null}
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" checked={enforced} onChange={(e) => setEnforced(e.target.checked)} />
        <span>
          <span className="font-medium">Enforce SSO</span>
          <span className="block text-slate-600">Members can then sign in only through this connection (not the development sign-in or another IdP).</span>
        </span>
      </label>
      {failure && !Object.keys(fe).length ? <ErrorText message={failure.error} /> : null}
      {save.data?.ok ? (
        <p role="status" className="text-sm text-green-700">
          Saved. Discovery checked.
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Checking issuer…" : "Save"}
        </Button>
        {savedId ? (
          <Button type="button" variant="secondary" onClick={() => signIn(`sso-${savedId}`, { callbackUrl: `/${orgSlug}/settings/sso?tested=1` })}>
            Test sign-in
          </Button>
        ) : null}
      </div>
      {savedId ? (
        <p className="text-xs text-slate-600">
          Redirect URI to register with your IdP: <code className="font-mono">{`${callbackBase}/api/auth/callback/sso-${savedId}`}</code>
        </p>
      ) : null}
    </form>
  );
}
