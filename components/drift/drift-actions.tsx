"use client";
import Link from "next/link";
import { checkDrift } from "@/server/actions/drift/check-drift";
import { reconcileDrift } from "@/server/actions/drift/reconcile-drift";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

/** Check now (deployers and above) and Reconcile (redeploys the stage's deployed revision through the pipeline). */
export function DriftActions({
  orgSlug,
  stageId,
  base,
  canCheck,
  canReconcile,
}: {
  orgSlug: string;
  stageId: string;
  base: string;
  canCheck: boolean;
  canReconcile: boolean;
}) {
  const check = useServerAction(checkDrift);
  const reconcile = useServerAction(reconcileDrift);
  const started = reconcile.data?.ok ? reconcile.data.data : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canCheck ? (
        <Button disabled={check.isPending} onClick={() => check.mutate({ orgSlug, stageId })}>
          {check.isPending ? "Checking…" : "Check now"}
        </Button>
      ) : null}
      {canReconcile ? (
        <Button variant="secondary" disabled={reconcile.isPending || started !== null} onClick={() => reconcile.mutate({ orgSlug, stageId })}>
          Reconcile
        </Button>
      ) : null}
      {started ? (
        <Link className="text-sm text-indigo-700 hover:underline" href={`${base}/deployments/${started.deploymentId}`}>
          Deployment of revision {started.revision} started
        </Link>
      ) : null}
      <ErrorText message={failureOf(check.data)?.error ?? failureOf(reconcile.data)?.error} />
    </div>
  );
}
