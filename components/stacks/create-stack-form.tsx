"use client";
import { useState, type FormEvent } from "react";
import { createStack } from "@/server/actions/stacks/create-stack";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

const STARTS = [
  { value: "starter", label: "Starter (a function behind an HTTP API)" },
  { value: "empty", label: "Empty" },
] as const;

export function CreateStackForm({ orgSlug }: { orgSlug: string }) {
  const [name, setName] = useState("");
  const [start, setStart] = useState<(typeof STARTS)[number]["value"]>("starter");
  const mutation = useServerAction(createStack);
  const failure = failureOf(mutation.data);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await mutation.mutateAsync({ orgSlug, name, start });
    if (r.ok) setName("");
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-2" aria-label="Create stack">
      <Field
        label="New stack name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={failure?.fieldErrors?.name}
        hint="Letters, digits and hyphens; becomes part of the CloudFormation stack name."
        className="w-80"
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-700">Start from</legend>
        {STARTS.map((s) => (
          <label key={s.value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="start" value={s.value} checked={start === s.value} onChange={() => setStart(s.value)} />
            {s.label}
          </label>
        ))}
      </fieldset>
      <Button type="submit" className="mt-6" disabled={mutation.isPending}>
        Create stack
      </Button>
      {failure && !failure.fieldErrors?.name ? <ErrorText message={failure.error} /> : null}
    </form>
  );
}
