import type { Metadata } from "next";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listMembers } from "@/server/members/mutations";
import { listInvitations } from "@/server/invitations/mutations";
import { MemberRowControls } from "@/components/team/member-row-controls";
import { InviteForm } from "@/components/team/invite-form";
import { PendingInvitations } from "@/components/team/pending-invitations";
import { ScrollX } from "@/components/ui/scroll-x";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org, role, user } = await requireMembership((await params).org);
  const members = await listMembers(db(), org.id);
  const manage = can(role, "member:manage");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Members</h1>
      {manage ? <InviteForm orgSlug={org.slug} actorIsOwner={role === "owner"} /> : null}
      <ScrollX>
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2 text-right">Role</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} className="border-t border-slate-200" data-testid={`member-${m.user.email}`}>
                <td className="break-all px-3 py-2">
                  {m.user.email}
                  {m.user.id === user.id ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
                </td>
                <td className="px-3 py-2">{m.user.name ?? "–"}</td>
                <td className="px-3 py-2 text-right">
                  {manage ? (
                    <MemberRowControls orgSlug={org.slug} member={{ id: m.id, email: m.user.email, role: m.role }} actorIsOwner={role === "owner"} />
                  ) : (
                    <span className="text-left">{m.role}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      {manage ? (
        <section aria-labelledby="invitations" className="flex flex-col gap-2">
          <h2 id="invitations" className="text-lg font-semibold">
            Pending invitations
          </h2>
          <PendingInvitations
            orgSlug={org.slug}
            invitations={(await listInvitations(db(), org.id)).map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString(), expired: i.expired }))}
          />
        </section>
      ) : null}
    </div>
  );
}
