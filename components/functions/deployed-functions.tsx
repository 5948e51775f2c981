import Link from "next/link";
import type { LogTarget } from "@/lib/logs/types";
import { functionLinks, functionPagePath } from "@/lib/functions/links";

interface DeployedStage {
  id: string;
  name: string;
  region: string;
  deployedAt: Date | null;
  functions: LogTarget[];
}

/** For the stack's overview: the functions each deployed stage runs, each linking to its page and its logs. */
export function DeployedFunctions({ stages, stackPath }: { stages: DeployedStage[]; stackPath: string }) {
  const deployed = stages.filter((s) => s.deployedAt !== null && s.functions.length > 0);
  return (
    <section aria-labelledby="deployed-functions" className="flex flex-col gap-2">
      <h2 id="deployed-functions" className="text-lg font-semibold">
        Functions
      </h2>
      {deployed.length === 0 ? (
        <p className="text-sm text-slate-600">No deployed functions yet: deploy a stage to see its functions here.</p>
      ) : (
        <ul aria-label="Deployed functions" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
          {deployed.flatMap((s) =>
            s.functions.map((f) => (
              <li key={`${s.id}/${f.name}`} className="flex flex-wrap items-center gap-3 px-3 py-2">
                <Link href={functionPagePath(stackPath, s.name, f.name)} className="font-medium text-indigo-700 hover:underline">
                  {f.name}
                </Link>
                <span className="text-slate-600">
                  {s.name} ({s.region})
                </span>
                <span className="font-mono text-xs text-slate-500">{f.physicalName}</span>
                <Link href={functionLinks(stackPath, s.id, f.name).logs} className="text-indigo-700 hover:underline" aria-label={`Logs of ${f.name} in ${s.name}`}>
                  Logs
                </Link>
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  );
}
