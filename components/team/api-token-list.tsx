"use client";
import { revokeApiToken } from "@/server/actions/tokens/revoke-api-token";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";
import { ScrollX } from "@/components/ui/scroll-x";

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  createdByEmail: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: "active" | "expired" | "revoked";
}

const day = (iso: string) => iso.slice(0, 16).replace("T", " ");

function state(t: ApiTokenRow): { label: string; live: boolean } {
  if (t.state === "revoked") return { label: `revoked ${day(t.revokedAt!)}`, live: false };
  if (t.state === "expired") return { label: `expired ${day(t.expiresAt!)}`, live: false };
  return { label: t.expiresAt ? `expires ${day(t.expiresAt)}` : "never expires", live: true };
}

export function ApiTokenList({ orgSlug, tokens }: { orgSlug: string; tokens: ApiTokenRow[] }) {
  const revoke = useServerAction(revokeApiToken);
  if (tokens.length === 0) return <p className="text-sm text-slate-600">No API tokens yet.</p>;
  return (
    <div className="flex flex-col gap-2">
      <ScrollX>
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Token</th>
              <th scope="col" className="px-3 py-2">Scopes</th>
              <th scope="col" className="px-3 py-2">Created</th>
              <th scope="col" className="px-3 py-2">Last used</th>
              <th scope="col" className="px-3 py-2">State</th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => {
              const s = state(t);
              return (
                <tr key={t.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">{t.name}</td>
                  <td className="px-3 py-2 font-mono text-xs">{t.prefix}…</td>
                  <td className="px-3 py-2">{t.scopes.join(", ")}</td>
                  <td className="px-3 py-2">
                    {day(t.createdAt)}
                    {t.createdByEmail ? <span className="block text-xs text-slate-500">by {t.createdByEmail}</span> : null}
                  </td>
                  <td className="px-3 py-2">{t.lastUsedAt ? day(t.lastUsedAt) : "never"}</td>
                  <td className={`px-3 py-2 ${s.live ? "text-slate-700" : "text-red-700"}`}>{s.label}</td>
                  <td className="px-3 py-2 text-right">
                    {s.live ? (
                      <Button variant="secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ orgSlug, tokenId: t.id })} aria-label={`Revoke token ${t.name}`}>
                        Revoke
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollX>
      <ErrorText message={failureOf(revoke.data)?.error} />
    </div>
  );
}
