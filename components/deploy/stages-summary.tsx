import Link from "next/link";
import type { StageOverview } from "@/server/deploy/queries";
import { StatusBadge } from "./status-badge";

/** For the stack's overview: each stage and how its last deployment went, with the way to deploy. */
export function StagesSummary({ stages, base }: { stages: StageOverview[]; base: string }) {
  return (
    <section aria-labelledby="stages-summary" className="flex flex-col gap-2">
      <div className="flex items-baseline gap-3">
        <h2 id="stages-summary" className="text-lg font-semibold">
          Stages
        </h2>
        <Link href={`${base}/deployments`} className="text-sm text-indigo-700 hover:underline">
          Deploy and manage stages
        </Link>
      </div>
      {stages.length === 0 ? (
        <p className="text-sm text-slate-600">No stages yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
          {stages.map((s) => {
            const last = s.history[0];
            return (
              <li key={s.id} className="flex flex-wrap items-center gap-3 px-3 py-2">
                <span className="font-medium">{s.name}</span>
                <span className="text-slate-600">{s.region}</span>
                {last ? (
                  <Link href={`${base}/deployments/${last.id}`} className="flex items-center gap-2 hover:underline">
                    <StatusBadge status={last.status} />
                    <span>
                      {last.operation === "destroy" ? "stack deletion" : `revision ${last.revision}`}, {last.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                    </span>
                  </Link>
                ) : (
                  <span className="text-slate-500">never deployed</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
