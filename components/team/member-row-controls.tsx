"use client";
import { useState } from "react";
import { changeMemberRole } from "@/server/actions/members/change-member-role";
import { removeMember } from "@/server/actions/members/remove-member";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

export function MemberRowControls({
  orgSlug,
  member,
  actorIsOwner,
}: {
  orgSlug: string;
  member: { id: string; email: string; role: Role };
  actorIsOwner: boolean;
}) {
  const change = useServerAction(changeMemberRole);
  const remove = useServerAction(removeMember);
  const [confirming, setConfirming] = useState(false);
  const failure = failureOf(change.data) ?? failureOf(remove.data);
  const assignable = actorIsOwner ? ROLES : ROLES.filter((r) => r !== "owner");
  const locked = member.role === "owner" && !actorIsOwner;

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <select
          aria-label={`Role of ${member.email}`}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          value={member.role}
          disabled={locked || change.isPending}
          onChange={(e) => change.mutate({ orgSlug, membershipId: member.id, role: e.target.value as Role })}
        >
          {(locked ? ROLES : assignable).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <Button variant="secondary" disabled={locked} onClick={() => (remove.reset(), setConfirming(true))} aria-label={`Remove ${member.email}`}>
          Remove
        </Button>
      </div>
      <ErrorText message={failure?.error} />
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={`Remove ${member.email}?`}>
        <p className="text-sm text-slate-600">They lose access to this organization at once. You can invite them again later.</p>
        <ErrorText message={failureOf(remove.data)?.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={async () => {
              const r = await remove.mutateAsync({ orgSlug, membershipId: member.id });
              if (r.ok) setConfirming(false);
            }}
          >
            Remove member
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
