"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createOrganization } from "@/server/actions/orgs/create-organization";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { useSubmitOnce } from "@/components/ui/submit-once";

export function CreateOrgForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const mutation = useMutation({ mutationFn: createOrganization });
  const result = mutation.data;

  const submit = useSubmitOnce(async () => {
    const r = await mutation.mutateAsync({ name });
    if (r.ok) router.push(`/${r.data.slug}/stacks`);
  });

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
