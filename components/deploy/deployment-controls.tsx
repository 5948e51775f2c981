"use client";
import { approveDeployment } from "@/server/actions/deployments/approve-deployment";
import { cancelDeployment } from "@/server/actions/deployments/cancel-deployment";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

/** Approve (protected stages, admins and owners) and cancel (before CloudFormation starts, or an update in flight). */
export function DeploymentControls({
  orgSlug,
  deploymentId,
  awaitingApproval,
  canApprove,
  canCancel,
  cancelRequested,
}: {
  orgSlug: string;
  deploymentId: string;
  awaitingApproval: boolean;
  canApprove: boolean;
  canCancel: boolean;
  cancelRequested: boolean;
}) {
  const approve = useServerAction(approveDeployment);
  const cancel = useServerAction(cancelDeployment);
  const cancelled = cancel.data?.ok ? cancel.data.data.status : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {awaitingApproval && canApprove ? (
        <Button disabled={approve.isPending || approve.data?.ok} onClick={() => approve.mutate({ orgSlug, deploymentId })}>
          Approve and deploy
        </Button>
      ) : null}
      {canCancel ? (
        <Button variant="secondary" disabled={cancel.isPending || cancelRequested || cancelled !== null} onClick={() => cancel.mutate({ orgSlug, deploymentId })}>
          {cancelRequested || cancelled === "cancelling" ? "Cancelling…" : "Cancel deployment"}
        </Button>
      ) : null}
      <ErrorText message={failureOf(approve.data)?.error ?? failureOf(cancel.data)?.error} />
    </div>
  );
}
