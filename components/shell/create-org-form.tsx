"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createOrganization } from "@/server/actions/orgs/create-organization";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { useServerAction } from "@/components/ui/use-server-action";

export function CreateOrgForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const mutation = useServerAction(createOrganization);
  const result = mutation.data;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await mutation.mutateAsync({ name });
    if (r.ok) router.push(`/${r.data.slug}/stacks`);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <Field
        label="Organization name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={result && !result.ok ? result.fieldErrors?.name : undefined}
        autoFocus
      />
      <ErrorText message={result && !result.ok && !result.fieldErrors?.name ? result.error : null} />
      <Button type="submit" disabled={mutation.isPending}>
        Create organization
      </Button>
    </form>
  );
}
