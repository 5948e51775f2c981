"use client";
import { useState, type FormEvent } from "react";
import { addSsoDomain } from "@/server/actions/sso/add-sso-domain";
import { removeSsoDomain } from "@/server/actions/sso/remove-sso-domain";
import { verifySsoDomain } from "@/server/actions/sso/verify-sso-domain";
import type { SsoDomainView } from "@/server/sso/queries";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

const STATUS_STYLE = {
  verified: "bg-green-100 text-green-800",
  failed: "bg-red-100 text-red-800",
  pending: "bg-amber-100 text-amber-800",
} as const;

function DomainRow({ orgSlug, d, trustUnverified }: { orgSlug: string; d: SsoDomainView; trustUnverified: boolean }) {
  const verify = useServerAction(verifySsoDomain);
  const remove = useServerAction(removeSsoDomain);
  const failure = failureOf(verify.data) ?? failureOf(remove.data);
  return (
    <li className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" data-testid={`sso-domain-${d.domain}`} aria-label={d.domain}>
      <div className="flex items-center gap-2">
        <span className="font-medium">{d.domain}</span>
        <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[d.status]}`} data-testid="domain-status">
          {d.status}
        </span>
        {d.status !== "verified" && trustUnverified ? (
          <span className="text-xs text-slate-500">trusted without DNS on this install while no other organization claims it</span>
        ) : null}
        <span className="ml-auto flex gap-2">
          {d.status !== "verified" ? (
            <Button type="button" variant="secondary" disabled={verify.isPending} onClick={() => verify.mutate({ orgSlug, id: d.id })}>
              {verify.isPending ? "Checking DNS…" : "Verify"}
            </Button>
          ) : null}
          <Button type="button" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ orgSlug, id: d.id })}>
            Remove
          </Button>
        </span>
      </div>
      {d.status === "verified" ? (
        <p className="text-xs text-slate-600">
          Verified {d.verifiedAt ? new Date(d.verifiedAt).toLocaleString() : ""}
          {d.verifiedBy ? ` by ${d.verifiedBy}` : ""}. People with this email domain sign in through this organization&apos;s SSO.
        </p>
      ) : (
        <>
          {d.reason ? (
            <p role="alert" className="text-sm text-red-700" data-testid="domain-reason">
              {d.reason}
            </p>
          ) : null}
          <dl className="grid grid-cols-[auto_1fr_auto] items-center gap-x-2 gap-y-1 text-xs">
            <dt className="text-slate-600">TXT record name</dt>
            <dd>
              <code className="font-mono" data-testid="txt-name">
                {d.record.name}
              </code>
            </dd>
            <dd>
              <CopyButton value={d.record.name} label={`Copy the TXT record name for ${d.domain}`} />
            </dd>
            <dt className="text-slate-600">Value</dt>
            <dd>
              <code className="font-mono break-all" data-testid="txt-value">
                {d.record.value}
              </code>
            </dd>
            <dd>
              <CopyButton value={d.record.value} label={`Copy the TXT record value for ${d.domain}`} />
            </dd>
          </dl>
        </>
      )}
      {failure ? <ErrorText message={failure.error} /> : null}
    </li>
  );
}

export function SsoDomains({ orgSlug, domains, trustUnverified, max }: { orgSlug: string; domains: SsoDomainView[]; trustUnverified: boolean; max: number }) {
  const [domain, setDomain] = useState("");
  const add = useServerAction(addSsoDomain);
  const failure = failureOf(add.data);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await add.mutateAsync({ orgSlug, domain });
    if (r.ok) setDomain("");
  }

  return (
    <section className="flex max-w-2xl flex-col gap-3" aria-labelledby="sso-domains-heading">
      <h2 id="sso-domains-heading" className="text-lg font-semibold">
        Email domains
      </h2>
      <p className="text-sm text-slate-600">
        People whose email is on a verified domain sign in through this connection and join with its default role. Prove each domain
        is yours: publish a TXT record with the name and value shown, then press Verify. A domain can be verified by one organization
        only. At most {max} domains.
      </p>
      {domains.length ? (
        <ul className="flex flex-col gap-2" aria-label="Email domains">
          {domains.map((d) => (
            <DomainRow key={d.id} orgSlug={orgSlug} d={d} trustUnverified={trustUnverified} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No domains yet.</p>
      )}
      <form onSubmit={submit} className="flex items-end gap-2" aria-label="Add a domain">
        <Field
          className="flex-1"
          label="Domain"
          name="domain"
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
          error={failure?.fieldErrors?.domain ?? (failure ? failure.error : undefined)}
          placeholder="acme.com"
        />
        <Button type="submit" disabled={add.isPending || !domain.trim()}>
          Add domain
        </Button>
      </form>
    </section>
  );
}
