import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { distinctAuditActions } from "@/server/audit/queries";
import { AuditLog } from "@/components/team/audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ org: string }> }) {
  const { org, role } = await requireMembership((await params).org);
  if (!can(role, "audit:read")) notFound();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <AuditLog orgSlug={org.slug} actions={await distinctAuditActions(db(), org.id)} />
    </div>
  );
}
