import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listStacks } from "@/server/stacks/queries";
import { CreateStackForm } from "@/components/stacks/create-stack-form";
import { RenameStackButton } from "@/components/stacks/rename-stack-dialog";
import { DeleteStackButton } from "@/components/stacks/delete-stack-dialog";
import { ScrollX } from "@/components/ui/scroll-x";

export const metadata: Metadata = { title: "Stacks" };

export default async function StacksPage({ params }: { params: Promise<{ org: string }> }) {
  const { org, role } = await requireMembership((await params).org);
  const stacks = await listStacks(db(), org.id);
  const mayRename = can(role, "stack:update");
  const mayDelete = can(role, "stack:delete");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Stacks</h1>
      {can(role, "stack:create") ? (
        <div className="flex flex-wrap items-start justify-between gap-4">
          <CreateStackForm orgSlug={org.slug} />
          <Link className="mt-6 text-sm text-indigo-700 hover:underline" href={`/${org.slug}/stacks/import`}>
            Import a stack from YAML
          </Link>
        </div>
      ) : null}
      {stacks.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">No stacks yet.</p>
      ) : (
        // Scrolls on its own on a narrow screen instead of widening the whole page.
        <ScrollX className="rounded-lg border border-slate-200">
          <table className="w-full bg-white text-sm">
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Revision</th>
                <th scope="col" className="px-3 py-2">Stages</th>
                <th scope="col" className="px-3 py-2">Updated</th>
                {mayRename || mayDelete ? <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {stacks.map((s) => (
                <tr key={s.id} className="border-t border-slate-200" data-testid={`stack-row-${s.name}`} data-stack-id={s.id}>
                  <td className="px-3 py-2 font-medium">
                    <Link className="text-indigo-700 hover:underline" href={`/${org.slug}/stacks/${encodeURIComponent(s.name)}`}>
                      {s.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{s.latestRevision ?? "–"}</td>
                  <td className="px-3 py-2">{s.stageCount}</td>
                  <td className="px-3 py-2 text-slate-600">
                    <time dateTime={s.updatedAt.toISOString()}>{s.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
                  </td>
                  {mayRename || mayDelete ? (
                    <td className="flex justify-end gap-2 px-3 py-2">
                      {mayRename ? <RenameStackButton orgSlug={org.slug} stack={s} /> : null}
                      {mayDelete ? <DeleteStackButton orgSlug={org.slug} stack={s} /> : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </div>
  );
}
