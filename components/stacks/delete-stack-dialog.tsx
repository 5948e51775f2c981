"use client";
import { deleteStack } from "@/server/actions/stacks/delete-stack";
import { ConfirmByNameButton } from "@/components/ui/confirm-by-name-dialog";

export function DeleteStackButton({ orgSlug, stack }: { orgSlug: string; stack: { id: string; name: string } }) {
  return (
    <ConfirmByNameButton
      action={deleteStack}
      input={{ orgSlug, stackId: stack.id }}
      name={stack.name}
      label="Delete"
      buttonAriaLabel={`Delete ${stack.name}`}
      title={`Delete ${stack.name}?`}
      explanation="This deletes the stack, its revisions and its stages from Lambdaplane. It is refused while a stage still has a CloudFormation stack in AWS or a deployment in flight: delete those stages' stacks first."
      fieldLabel="Stack name"
      submitLabel="Delete stack"
    />
  );
}
