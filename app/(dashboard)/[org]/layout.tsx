import Link from "next/link";
import type { ReactNode } from "react";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { listMemberships } from "@/server/auth/membership";
import { can } from "@/lib/auth/permissions";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { NavLink } from "@/components/shell/nav-link";
import { SignOutButton } from "@/components/shell/sign-out-button";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { org, role, user } = await requireMembership(slug);
  const memberships = await listMemberships(db(), user.id);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-2">
          <Link href="/" className="font-semibold text-indigo-700">
            Lambdaplane
          </Link>
          <OrgSwitcher current={org.slug} orgs={memberships.map((m) => m.org)} />
          <nav aria-label="Organization" className="flex gap-1">
            <NavLink href={`/${org.slug}/stacks`}>Stacks</NavLink>
            <NavLink href={`/${org.slug}/settings/members`}>Members</NavLink>
            {can(role, "aws:read") ? <NavLink href={`/${org.slug}/settings/aws`}>AWS</NavLink> : null}
            {can(role, "sso:manage") ? <NavLink href={`/${org.slug}/settings/sso`}>SSO</NavLink> : null}
            {can(role, "token:manage") ? <NavLink href={`/${org.slug}/settings/tokens`}>API tokens</NavLink> : null}
            {can(role, "audit:read") ? <NavLink href={`/${org.slug}/settings/audit`}>Audit log</NavLink> : null}
          </nav>
          <div className="ml-auto flex items-center gap-2 text-sm text-slate-600">
            <span>
              {user.email} · <span data-testid="current-role">{role}</span>
            </span>
            <Link href="/account" className="text-indigo-700 hover:underline">
              Account
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
