"use client";
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { deleteStage } from "@/server/actions/stages/delete-stage";
import { deleteStageStack } from "@/server/actions/deployments/delete-stage-stack";
import { Button } from "@/components/ui/button";
import { ConfirmByNameButton } from "@/components/ui/confirm-by-name-dialog";
import { StageForm, type ConnectionOption, type StageValues } from "./stage-form";

export interface StageCardData extends StageValues {
  connectionName: string | null;
  cloudFormationStackName: string;
  deployed: boolean;
}

/** A stage: where it deploys, whether it is protected, its controls (for admins and owners) and its history. */
export function StageCard({
  orgSlug,
  stackId,
  base,
  stage,
  connections,
  manage,
  children,
}: {
  orgSlug: string;
  stackId: string;
  base: string;
  stage: StageCardData;
  connections: ConnectionOption[];
  manage: boolean;
  children: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const router = useRouter();
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`stage-${stage.id}`}>
      <div className="flex flex-wrap items-baseline gap-3">
        <h3 id={`stage-${stage.id}`} className="font-semibold">
          {stage.name}
        </h3>
        {stage.protected ? <span className="rounded bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900">protected</span> : null}
        <span className="text-sm text-slate-600">
          {stage.connectionName ?? "no connection"} · {stage.region}
        </span>
        <span className="font-mono text-xs text-slate-600">
          {stage.cloudFormationStackName} {stage.deployed ? "(deployed)" : "(not deployed)"}
        </span>
      </div>
      {manage ? (
        editing ? (
          <StageForm orgSlug={orgSlug} stackId={stackId} connections={connections} stage={stage} onDone={() => setEditing(false)} />
        ) : (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit stage ${stage.name}`}>
              Edit
            </Button>
            {stage.deployed ? (
              <ConfirmByNameButton
                action={deleteStageStack}
                input={{ orgSlug, stageId: stage.id }}
                name={stage.cloudFormationStackName}
                label="Delete stack"
                title={`Delete ${stage.cloudFormationStackName}?`}
                explanation={`CloudFormation deletes the stack and every resource in it from ${stage.region}. The stage stays.`}
                fieldLabel="Stack name"
                submitLabel="Delete stack"
                onDone={(started) => router.push(`${base}/deployments/${started.deploymentId}`)}
              />
            ) : (
              <ConfirmByNameButton
                action={deleteStage}
                input={{ orgSlug, stageId: stage.id }}
                name={stage.name}
                label="Delete stage"
                title={`Delete stage ${stage.name}?`}
                explanation="This removes the stage and its deployment history from Lambdaplane; nothing is deployed."
                fieldLabel="Stage name"
                submitLabel="Delete stage"
              />
            )}
          </div>
        )
      ) : null}
      {children}
    </li>
  );
}
