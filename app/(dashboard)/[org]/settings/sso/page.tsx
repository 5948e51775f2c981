import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { unverifiedDomainsTrusted } from "@/server/instance/settings";
import { TENANT_LIMITS } from "@/server/tenant-limits";
import { ssoDomains, ssoSettings } from "@/server/sso/queries";
import { SsoDomains } from "@/components/team/sso-domains";
import { SsoSettingsForm } from "@/components/team/sso-settings-form";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ tested?: string }> }) {
  const { org, role } = await requireMembership((await params).org);
  if (!can(role, "sso:manage")) notFound();
  const [current, domains] = await Promise.all([ssoSettings(db(), org.id), ssoDomains(db(), org.id)]);
  const { tested } = await searchParams;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Single sign-on</h1>
      <p className="max-w-2xl text-sm text-slate-600">
        Connect your OpenID Connect identity provider (Okta, Microsoft Entra ID, Google Workspace, Keycloak, …). Sign-in uses the
        authorization code flow with PKCE, state and nonce.
      </p>
      {tested ? (
        <p role="status" className="max-w-2xl rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Test sign-in succeeded: you came back through this connection.
        </p>
      ) : null}
      <SsoSettingsForm
        orgSlug={org.slug}
        callbackBase={process.env.NEXTAUTH_URL ?? "http://localhost:3000"}
        initial={
          current ?? { id: null, issuer: "", clientId: "", hasSecret: false, defaultRole: "viewer", enforced: false }
        }
      />
      <SsoDomains orgSlug={org.slug} domains={domains} trustUnverified={unverifiedDomainsTrusted()} max={TENANT_LIMITS.ssoDomainsPerOrganization} />
    </div>
  );
}
