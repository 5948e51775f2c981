"use client";
import { useState, type FormEvent } from "react";
import { renameStack } from "@/server/actions/stacks/rename-stack";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

export function RenameStackButton({ orgSlug, stack }: { orgSlug: string; stack: { id: string; name: string } }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(stack.name);
  const mutation = useServerAction(renameStack);
  const failure = failureOf(mutation.data);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await mutation.mutateAsync({ orgSlug, stackId: stack.id, name });
    if (r.ok) setOpen(false);
  }

  return (
    <>
      <Button variant="secondary" onClick={() => (setName(stack.name), mutation.reset(), setOpen(true))} aria-label={`Rename ${stack.name}`}>
        Rename
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Rename ${stack.name}`}>
        <form onSubmit={submit} className="flex flex-col gap-3">
          <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={failure?.fieldErrors?.name} autoFocus />
          {failure && !failure.fieldErrors?.name ? <ErrorText message={failure.error} /> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={mutation.isPending}>
              Rename
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
