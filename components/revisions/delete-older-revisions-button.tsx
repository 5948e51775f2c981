"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { deleteOldRevisions } from "@/server/actions/stacks/delete-old-revisions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";
import { formatBytes } from "@/lib/functions/format";

type Props = { orgSlug: string; stackId: string; number: number };

const list = (numbers: number[]) => numbers.map((n) => `#${n}`).join(", ");

/** Deletes the revisions older than this one to free room under the revision limits; what was kept and why is shown after. */
export function DeleteOlderRevisionsButton({ orgSlug, stackId, number }: Props) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  // The refresh waits for the dialog to close: it removes this row's button (and the dialog with it) once its revision is the oldest.
  const mutation = useServerAction(deleteOldRevisions, { refresh: false });
  const failure = failureOf(mutation.data);
  const done = mutation.data?.ok ? mutation.data.data : null;
  const close = () => {
    setOpen(false);
    if (done) router.refresh();
  };

  return (
    <>
      <Button variant="secondary" onClick={() => (mutation.reset(), setOpen(true))} aria-label={`Delete revisions older than ${number}`}>
        Delete older
      </Button>
      <Dialog open={open} onClose={close} title={`Delete the revisions older than revision ${number}?`}>
        {done ? (
          <div className="flex flex-col gap-3">
            <p role="status" className="text-sm text-slate-700">
              {done.deleted.length ? `Deleted ${done.deleted.length} revision(s), ${formatBytes(done.freedBytes)}, and ${done.deletedDeployments} deployment(s) of them.` : "Nothing was deleted."}
              {done.keptDeployed.length ? ` Kept ${list(done.keptDeployed)}: stages run them, last ran them or are deploying them.` : ""}
            </p>
            <div className="flex justify-end">
              <Button type="button" onClick={close}>
                Close
              </Button>
            </div>
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">
              Revision {number} and the newer ones stay, and so do the revisions stages run, last ran or are deploying. The others older than {number} are
              deleted for good, with the history of the deployments that used them; this frees room under the organization&apos;s revision limits, and the audit log
              records it.
            </p>
            {failure ? <ErrorText message={failure.error} /> : null}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="button" variant="danger" disabled={mutation.isPending} onClick={() => mutation.mutate({ orgSlug, stackId, before: number })}>
                Delete older revisions
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </>
  );
}
