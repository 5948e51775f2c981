import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { findStackByName } from "@/server/stacks/queries";
import { NavLink } from "@/components/shell/nav-link";
import { percentDecoded } from "@/server/http/percent-decode";

type Props = { children: ReactNode; params: Promise<{ org: string; stack: string }> };

/** The stack's header and its views as tabs; each tab is its own route. */
export default async function StackLayout({ children, params }: Props) {
  const { org: slug, stack: encodedName } = await params;
  const { org } = await requireMembership(slug);
  const stack = await findStackByName(db(), org.id, percentDecoded(encodedName));
  if (!stack) notFound();
  const base = `/${org.slug}/stacks/${encodeURIComponent(stack.name)}`;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Link href={`/${org.slug}/stacks`} className="text-sm text-indigo-700 hover:underline">
          ← Stacks
        </Link>
        <h1 className="text-2xl font-semibold">{stack.name}</h1>
      </div>
      <nav aria-label="Stack" className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        <NavLink href={base} exact>
          Overview
        </NavLink>
        <NavLink href={`${base}/edit`}>Editor</NavLink>
        <NavLink href={`${base}/revisions`}>Revisions</NavLink>
        <NavLink href={`${base}/deployments`}>Deployments</NavLink>
        <NavLink href={`${base}/drift`}>Drift</NavLink>
        <NavLink href={`${base}/logs`}>Logs</NavLink>
        <NavLink href={`${base}/costs`}>Costs</NavLink>
        <NavLink href={`${base}/settings`}>Settings</NavLink>
      </nav>
      {children}
    </div>
  );
}
