"use client";
import { useState, type FormEvent } from "react";
import { createApiToken } from "@/server/actions/tokens/create-api-token";
import { TOKEN_EXPIRY_CHOICES, TOKEN_SCOPES, type TokenScope } from "@/lib/tokens/scopes";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

const SCOPE_HINTS: Record<TokenScope, string> = {
  read: "list stacks, read YAML, render, read deployments and their events",
  plan: "read, plus preview a deploy as a change set that is never executed (pull-request checks)",
  deploy: "read, plus save revisions and start deploys (what CI needs)",
  admin: "everything the API offers",
};

export function ApiTokenForm({ orgSlug }: { orgSlug: string }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["read"]);
  const [expiresInDays, setExpiresInDays] = useState(30);
  const create = useServerAction(createApiToken);
  const failure = failureOf(create.data);
  const fe = failure?.fieldErrors ?? {};
  const created = create.data?.ok ? create.data.data : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create.mutateAsync({ orgSlug, name, scopes, expiresInDays });
    if (r.ok) setName("");
  }

  const toggle = (scope: TokenScope, on: boolean) => setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));
  const scopeError = Object.entries(fe).find(([k]) => k.startsWith("scopes"))?.[1];
  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={submit} className="flex max-w-2xl flex-col gap-3" aria-label="Create an API token">
        <Field label="Token name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={fe.name} hint="Where it is used, e.g. GitHub Actions (shop)." />
        <fieldset className="flex flex-col gap-1 text-sm" aria-describedby={scopeError ? "token-scope-error" : undefined}>
          <legend className="font-medium text-slate-700">Scopes</legend>
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2">
              <input type="checkbox" className="mt-1" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
              <span>
                <span className="font-medium">{scope}</span> <span className="text-slate-600">— {SCOPE_HINTS[scope]}</span>
              </span>
            </label>
          ))}
          {scopeError ? (
            <p id="token-scope-error" role="alert" className="text-red-600">
              {scopeError}
            </p>
          ) : null}
        </fieldset>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Expires after</span>
          <select className="w-48 rounded-md border border-slate-300 bg-white px-2 py-1.5" value={expiresInDays} onChange={(e) => setExpiresInDays(Number(e.target.value))}>
            {TOKEN_EXPIRY_CHOICES.map((x) => (
              <option key={x.days} value={x.days}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        {failure && !fe.name && !scopeError ? <ErrorText message={failure.error} /> : null}
        <div>
          <Button type="submit" disabled={create.isPending}>
            Create token
          </Button>
        </div>
      </form>
      {created ? (
        <div role="status" className="max-w-2xl rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          <p>
            Token {created.name} created ({created.scopes.join(", ")}). Copy it now: it is shown once and Lambdaplane keeps only its hash.
          </p>
          <input
            readOnly
            aria-label="New API token"
            className="mt-2 w-full rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs"
            value={created.token}
            onFocus={(e) => e.target.select()}
          />
        </div>
      ) : null}
    </div>
  );
}
