import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listApiTokens } from "@/server/tokens/queries";
import { ApiTokenForm } from "@/components/team/api-token-form";
import { ApiTokenList } from "@/components/team/api-token-list";

export const metadata: Metadata = { title: "API tokens" };

const iso = (d: Date | null) => d?.toISOString() ?? null;

export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const { org, role } = await requireMembership((await params).org);
  if (!can(role, "token:manage")) notFound();
  const tokens = await listApiTokens(db(), org.id);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <p className="max-w-2xl text-sm text-slate-600">
        Tokens let scripts and CI use the REST API (<code className="font-mono">/api/v1</code>) and the <code className="font-mono">npm run cli -- deploy</code>{" "}
        command. A token acts as the person who created it, never beyond their current role, and every change made with it is in the audit log.
      </p>
      <ApiTokenForm orgSlug={org.slug} />
      <section aria-labelledby="tokens" className="flex flex-col gap-2">
        <h2 id="tokens" className="text-lg font-semibold">
          Tokens
        </h2>
        <ApiTokenList
          orgSlug={org.slug}
          tokens={tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), expiresAt: iso(t.expiresAt), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) }))}
        />
      </section>
    </div>
  );
}
