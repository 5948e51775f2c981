"use client";
import { useState, type FormEvent } from "react";
import { deleteStack } from "@/server/actions/stacks/delete-stack";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "./use-action";

export function DeleteStackButton({ orgSlug, stack }: { orgSlug: string; stack: { id: string; name: string } }) {
  const [open, setOpen] = useState(false);
  const [confirmation, setConfirmation] = useState("");
  const mutation = useServerAction(deleteStack);
  const failure = failureOf(mutation.data);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await mutation.mutateAsync({ orgSlug, stackId: stack.id, confirmation });
    if (r.ok) setOpen(false);
  }

  return (
    <>
      <Button variant="danger" onClick={() => (setConfirmation(""), mutation.reset(), setOpen(true))} aria-label={`Delete ${stack.name}`}>
        Delete
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete ${stack.name}?`}>
        <form onSubmit={submit} className="flex flex-col gap-3">
          <p className="text-sm text-slate-600">
            This deletes the stack, its revisions and its stages from Lambdaplane. Resources already deployed to AWS stay
            there. Type <strong className="font-mono">{stack.name}</strong> to confirm.
          </p>
          <Field
            label="Stack name"
            name="confirmation"
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            error={failure?.fieldErrors?.confirmation}
            autoComplete="off"
            autoFocus
          />
          {failure && !failure.fieldErrors?.confirmation ? <ErrorText message={failure.error} /> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={confirmation !== stack.name || mutation.isPending}>
              Delete stack
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
