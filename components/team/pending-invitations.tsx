"use client";
import { revokeInvitation } from "@/server/actions/invitations/revoke-invitation";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

export function PendingInvitations({ orgSlug, invitations }: { orgSlug: string; invitations: { id: string; email: string; role: string; expiresAt: string; expired: boolean }[] }) {
  const revoke = useServerAction(revokeInvitation);
  if (invitations.length === 0) return <p className="text-sm text-slate-600">No pending invitations.</p>;
  return (
    <div className="flex flex-col gap-2">
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm" aria-label="Pending invitations">
        {invitations.map((i) => (
          <li key={i.id} className="flex items-center gap-3 px-3 py-2" data-testid={`invitation-${i.email}`}>
            <span className="min-w-0 flex-1 break-all">{i.email}</span>
            <span className="text-slate-600">{i.role}</span>
            <span className={`whitespace-nowrap ${i.expired ? "text-red-700" : "text-slate-500"}`}>
              {i.expired ? "expired" : `expires ${i.expiresAt.slice(0, 10)}`}
            </span>
            <Button variant="secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ orgSlug, invitationId: i.id })} aria-label={`Revoke invitation for ${i.email}`}>
              Revoke
            </Button>
          </li>
        ))}
      </ul>
      <ErrorText message={failureOf(revoke.data)?.error} />
    </div>
  );
}
