"use client";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/server/actions/define-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

/** A destructive action that runs only after the user types `name` (a stack's, a stage's, or its CloudFormation stack's). */
export function ConfirmByNameButton<I extends object, T>({
  action,
  input,
  name,
  label,
  buttonAriaLabel,
  title,
  explanation,
  fieldLabel,
  submitLabel,
  onDone,
}: {
  action: (input: I & { confirmation: string }) => Promise<ActionResult<T>>;
  input: I;
  name: string;
  label: string;
  /** For a button whose short label is ambiguous in a list ("Delete" in every row). */
  buttonAriaLabel?: string;
  title: string;
  explanation: string;
  fieldLabel: string;
  submitLabel: string;
  onDone?: (data: T) => void;
}) {
  const [open, setOpen] = useState(false);
  const [confirmation, setConfirmation] = useState("");
  const mutation = useServerAction(action);
  const failure = failureOf(mutation.data);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await mutation.mutateAsync({ ...input, confirmation });
    if (r.ok) {
      setOpen(false);
      onDone?.(r.data);
    }
  }

  return (
    <>
      <Button variant="danger" onClick={() => (setConfirmation(""), mutation.reset(), setOpen(true))} aria-label={buttonAriaLabel}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <form onSubmit={submit} className="flex flex-col gap-3">
          <p className="text-sm text-slate-600">
            {explanation} Type <strong className="font-mono">{name}</strong> to confirm.
          </p>
          <Field
            label={fieldLabel}
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
            <Button type="submit" variant="danger" disabled={confirmation !== name || mutation.isPending}>
              {submitLabel}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
