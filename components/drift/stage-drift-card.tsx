import type { ReactNode } from "react";
import type { StageDrift } from "@/server/drift/queries";
import type { DriftStatus } from "@/server/drift/types";
import { DriftTable } from "./drift-table";

const TONE: Record<DriftStatus, string> = {
  in_sync: "bg-green-50 text-green-800",
  drifted: "bg-amber-50 text-amber-900",
  unknown: "bg-slate-100 text-slate-700",
};
const LABEL: Record<DriftStatus, string> = { in_sync: "in sync", drifted: "drifted", unknown: "unknown" };
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** One stage's latest drift check: status, when and by whom, each drifted property, CloudFormation's own result. */
export function StageDriftCard({ stage, adoptHref, children }: { stage: StageDrift; adoptHref: string | null; children?: ReactNode }) {
  const check = stage.latest;
  const cfn = check?.results.cloudFormation ?? null;
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={`Drift of stage ${stage.name}`}>
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="text-base font-semibold">{stage.name}</h3>
        <span className="text-sm text-slate-600">{stage.region}</span>
        {check ? <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[check.status]}`}>{LABEL[check.status]}</span> : null}
        <span className="text-sm text-slate-600">
          {stage.intervalHours ? `Checked every ${stage.intervalHours} h` : "Scheduled checks off"}
          {stage.deployedRevision ? ` · runs revision ${stage.deployedRevision.number}` : ""}
        </span>
      </div>
      {check ? (
        <p className="text-sm text-slate-700">
          Checked <time dateTime={check.at.toISOString()}>{when(check.at)}</time> {check.startedBy ? `by ${check.startedBy}` : "by the schedule"}
          {check.results.revision ? ` against revision ${check.results.revision}` : ""}.
        </p>
      ) : (
        <p className="text-sm text-slate-600">Not checked yet.</p>
      )}
      {check?.error ? <p className="text-sm text-red-800">{check.error}</p> : null}
      {check && check.results.drifts.length > 0 ? (
        adoptHref ? (
          // A plain GET form: the adopt page shows the resulting revision diff before anything is saved.
          <form action={adoptHref} method="get" className="flex flex-col gap-2">
            <input type="hidden" name="check" value={check.id} />
            <DriftTable drifts={check.results.drifts} label={`Lambda drift of ${stage.name}`} pickable />
            <div>
              <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
                Adopt selected live values…
              </button>
            </div>
          </form>
        ) : (
          <DriftTable drifts={check.results.drifts} label={`Lambda drift of ${stage.name}`} />
        )
      ) : null}
      {check?.results.truncated ? <p className="text-sm text-slate-600">Showing the first {check.results.drifts.length} of {check.results.driftCount} drifts.</p> : null}
      {check && check.results.unknown.length > 0 ? (
        <details className="text-sm text-slate-600">
          <summary>{check.results.unknown.length} value(s) not compared</summary>
          <ul className="list-disc pl-5">
            {check.results.unknown.map((u) => (
              <li key={`${u.resource}:${u.property}`}>
                <span className="font-mono">
                  {u.resource} {u.property}
                </span>
                : {u.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {cfn ? (
        <div className="text-sm">
          <h4 className="font-medium">CloudFormation drift detection</h4>
          {cfn.status === "checked" ? (
            cfn.drifts.length > 0 ? (
              <DriftTable drifts={cfn.drifts} label={`CloudFormation drift of ${stage.name}`} />
            ) : (
              <p className="text-slate-700">CloudFormation reports the stack {cfn.stackDriftStatus.toLowerCase().replace(/_/g, " ")}.</p>
            )
          ) : (
            <p className="text-slate-700">{cfn.message}</p>
          )}
        </div>
      ) : null}
      {children}
    </li>
  );
}
