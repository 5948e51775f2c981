"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { restoreRevision } from "@/server/actions/stacks/restore-revision";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

type Props = { orgSlug: string; stackId: string; number: number; latest: number };

/** Restores an old revision as a new one, then shows what changed against the revision it replaced. */
export function RestoreRevisionButton({ orgSlug, stackId, number, latest }: Props) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const router = useRouter();
  const mutation = useServerAction(restoreRevision);
  const failure = failureOf(mutation.data);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await mutation.mutateAsync({ orgSlug, stackId, number, baseNumber: latest, message: message || undefined });
    if (r.ok) {
      setOpen(false);
      router.push(`?from=${latest}&to=${r.data.number}`);
    } else if (r.status === 409) {
      // Someone saved meanwhile: show the newer history behind the dialog, which keeps the error.
      router.refresh();
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={() => (setMessage(""), mutation.reset(), setOpen(true))} aria-label={`Restore revision ${number}`}>
        Restore
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Restore revision ${number}?`}>
        <form onSubmit={submit} className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">
            Revision {number}&apos;s definition and code become revision {latest + 1}. Nothing is deleted: revision {latest} stays in the history.
          </p>
          <Field
            label="Message (optional)"
            name="message"
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            placeholder={`Restored revision ${number}`}
            error={failure?.fieldErrors?.message}
            maxLength={500}
          />
          {failure && !failure.fieldErrors?.message ? <ErrorText message={failure.error} /> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={mutation.isPending}>
              Restore as revision {latest + 1}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
