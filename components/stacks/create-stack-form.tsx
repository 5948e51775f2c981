"use client";
import { useState, type FormEvent } from "react";
import { createStack } from "@/server/actions/stacks/create-stack";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "./use-action";

export function CreateStackForm({ orgSlug }: { orgSlug: string }) {
  const [name, setName] = useState("");
  const mutation = useServerAction(createStack);
  const failure = failureOf(mutation.data);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await mutation.mutateAsync({ orgSlug, name });
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
      <Button type="submit" className="mt-6" disabled={mutation.isPending}>
        Create stack
      </Button>
      {failure && !failure.fieldErrors?.name ? <ErrorText message={failure.error} /> : null}
    </form>
  );
}
