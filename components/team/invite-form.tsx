"use client";
import { useState, type FormEvent } from "react";
import { inviteMember } from "@/server/actions/invitations/invite-member";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

export function InviteForm({ orgSlug, actorIsOwner }: { orgSlug: string; actorIsOwner: boolean }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const invite = useServerAction(inviteMember);
  const failure = failureOf(invite.data);
  const sent = invite.data?.ok ? invite.data.data : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await invite.mutateAsync({ orgSlug, email, role });
    if (r.ok) setEmail("");
  }

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={submit} className="flex flex-wrap items-start gap-2" aria-label="Invite a member">
        <Field label="Email" name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={failure?.fieldErrors?.email} className="w-72" />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Role</span>
          <select aria-label="Invited role" className="rounded-md border border-slate-300 bg-white px-2 py-1.5" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {(actorIsOwner ? ROLES : ROLES.filter((r) => r !== "owner")).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" className="mt-6" disabled={invite.isPending}>
          Invite
        </Button>
      </form>
      {failure && !failure.fieldErrors?.email ? <ErrorText message={failure.error} /> : null}
      {sent ? (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm wrap-anywhere text-green-900">
          {sent.emailed ? (
            <p>Invitation emailed to {sent.email}.</p>
          ) : (
            <>
              <p>
                Invitation for {sent.email} ({sent.role}) created. No mail server is configured: copy this single-use link to them. It is shown once.
              </p>
              <input
                readOnly
                aria-label="Invitation link"
                className="mt-2 w-full rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs"
                value={sent.link ?? ""}
                onFocus={(e) => e.target.select()}
              />
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
