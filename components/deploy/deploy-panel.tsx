"use client";
import { useId, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startDeployment } from "@/server/actions/deployments/start-deployment";
import type { CostDifference } from "@/lib/deploy/cost-difference";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";
import { CostDifferenceTable } from "./cost-difference";

export interface DeployTarget {
  id: string;
  name: string;
  protected: boolean;
  cloudFormationStackName: string;
}

/** The Deploy button: pick a stage, see what the revision does to its monthly cost, deploy; then follow it live. */
export function DeployPanel({
  orgSlug,
  base,
  revision,
  stages,
  costs,
}: {
  orgSlug: string;
  base: string;
  revision: { id: string; number: number };
  stages: DeployTarget[];
  costs: Record<string, CostDifference>;
}) {
  const [stageId, setStageId] = useState(stages[0]?.id ?? "");
  const start = useServerAction(startDeployment);
  const router = useRouter();
  const selectId = useId();
  const stage = stages.find((s) => s.id === stageId);
  const failure = failureOf(start.data);
  // A refusal (409) names the deployment in flight: link to it.
  const running = failure?.status === 409 ? /deployment (\w+) \(/.exec(failure.error)?.[1] : undefined;

  async function deploy() {
    const r = await start.mutateAsync({ orgSlug, stageId, revisionId: revision.id });
    if (r.ok) router.push(`${base}/deployments/${r.data.deploymentId}`);
  }

  return (
    <section aria-labelledby="deploy-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="deploy-heading" className="text-lg font-semibold">
        Deploy revision {revision.number}
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium text-slate-700">
            Stage
          </label>
          <select id={selectId} className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" value={stageId} onChange={(e) => (setStageId(e.target.value), start.reset())}>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.protected ? " (protected)" : ""}
              </option>
            ))}
          </select>
        </div>
        <Button onClick={deploy} disabled={!stage || start.isPending || start.data?.ok}>
          {start.isPending || start.data?.ok ? "Starting…" : "Deploy"}
        </Button>
      </div>
      {stage ? (
        <p className="text-sm text-slate-600">
          Creates a change set on <span className="font-mono">{stage.cloudFormationStackName}</span>
          {stage.protected ? " and waits for an admin or owner to approve it." : " and executes it."} One deploy per stage runs at a time: a second
          is refused while one is in flight.
        </p>
      ) : null}
      {stage && costs[stage.id] ? <CostDifferenceTable cost={costs[stage.id]} /> : null}
      <ErrorText message={failure?.error} />
      {running ? (
        <Link className="text-sm text-indigo-700 underline" href={`${base}/deployments/${running}`}>
          Open the deployment in flight
        </Link>
      ) : null}
    </section>
  );
}
