import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { ImportStackForm } from "@/components/stacks/import-stack-form";

export const metadata: Metadata = { title: "Import a stack" };

export default async function ImportStackPage({ params }: { params: Promise<{ org: string }> }) {
  const { org, role } = await requireMembership((await params).org);
  if (!can(role, "stack:create")) notFound();
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Link href={`/${org.slug}/stacks`} className="text-sm text-indigo-700 hover:underline">
          ← Stacks
        </Link>
        <h1 className="text-2xl font-semibold">Import a stack</h1>
      </div>
      <ImportStackForm orgSlug={org.slug} />
    </div>
  );
}
