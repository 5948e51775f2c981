import { DetailsToggle } from "@/components/ui/alert";
import { formatUsd } from "@/lib/cost";
import type { StageActualUsage } from "@/server/cost/queries";
import { ScrollX } from "@/components/ui/scroll-x";

const COUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Each deployed stage's Lambda cost from CloudWatch, month to date and projected, next to the estimate. */
export function ActualUsage({ stages }: { stages: readonly StageActualUsage[] }) {
  if (stages.length === 0) return <p className="text-sm text-slate-600">The stack has no stages yet. Deploy it to a stage to see what it actually costs.</p>;
  return (
    <div className="flex flex-col gap-4">
      {stages.map((stage) => (
        <section key={stage.stageId} aria-labelledby={`stage-${stage.stageId}`} className="flex flex-col gap-2">
          <h3 id={`stage-${stage.stageId}`} className="font-medium">
            Stage {stage.stageName} <span className="font-normal text-slate-600">({stage.region})</span>
          </h3>
          {stage.status === "ok" ? (
            <StageTable stage={stage} />
          ) : (
            <>
              <p className={`text-sm ${stage.status === "error" ? "text-red-700" : "text-slate-600"}`}>{stage.message}</p>
              <DetailsToggle details={stage.details} />
            </>
          )}
        </section>
      ))}
      <p className="text-xs text-slate-600">
        Lambda charges only (requests, duration, ephemeral storage, provisioned concurrency), from the AWS/Lambda Invocations and Duration metrics, without the
        account-wide free tier. Projected: the month so far at the same rate. CloudWatch metrics arrive a few minutes late.
      </p>
    </div>
  );
}

function StageTable({ stage }: { stage: Extract<StageActualUsage, { status: "ok" }> }) {
  return (
    <ScrollX>
      <table className="w-full max-w-3xl text-sm">
        <caption className="mb-1 text-left text-slate-600">
          Revision {stage.revisionNumber}, {stage.from.slice(0, 10)} to {stage.to.slice(0, 16).replace("T", " ")} UTC
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">Function</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Invocations</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Average duration</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Month to date</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Projected month</th>
            <th scope="col" className="py-1 text-right font-medium">Estimate</th>
          </tr>
        </thead>
        <tbody>
          {stage.functions.map((f) => (
            <tr key={f.name} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                <span className="font-mono">{f.name}</span> <span className="text-xs text-slate-500">{f.awsName}</span>
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">{COUNT.format(f.actual.invocations)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{f.actual.averageDurationMs === undefined ? "–" : `${f.actual.averageDurationMs.toFixed(1)} ms`}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{formatUsd(f.actual.monthToDate)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{formatUsd(f.actual.projectedMonthly)}</td>
              <td className="py-1 text-right tabular-nums">{formatUsd(f.estimatedMonthly)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
