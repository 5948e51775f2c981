import { formatMonthlyDelta } from "@/lib/cost";
import type { LocatedCostDifference } from "@/lib/deploy/change-set-costs";
import { ScrollX } from "@/components/ui/scroll-x";

const CHANGE_LABEL = { added: "Added", removed: "Removed", changed: "Changed", unchanged: "Unchanged" } as const;

/** What the deployment's cost difference is measured against, in a sentence. */
export function costBasis(cost: LocatedCostDifference): string {
  if (!cost.ok) return `No cost difference: ${cost.reason}.`;
  const against = cost.baseRevision === null ? "nothing deployed yet" : `revision ${cost.baseRevision}, deployed now`;
  const what = cost.revision === null ? "deleting the stack" : `revision ${cost.revision}`;
  return `Monthly cost differences of ${what} against ${against} (${cost.region}, assumed usage where none is set).`;
}

/**
 * The deployment's monthly cost difference per resource and in total, for when there is no change
 * set to lay it onto: a deploy that failed before CloudFormation made one, or a stack deletion.
 */
export function DeploymentCostTable({ cost }: { cost: LocatedCostDifference }) {
  if (!cost.ok) return <p className="text-sm text-slate-600">{costBasis(cost)}</p>;
  return (
    <ScrollX>
      <table className="w-full text-left text-sm">
        <caption className="pb-1 text-left text-xs text-slate-500">{costBasis(cost)}</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 font-medium">Resource</th>
            <th scope="col" className="py-1 font-medium">Change</th>
            <th scope="col" className="py-1 text-right font-medium">Cost difference</th>
            <th scope="col" className="py-1 pl-3 font-medium">Type</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {cost.resources.map((r) => (
            <tr key={`${r.kind}:${r.resource}`}>
              <th scope="row" className="py-1 font-mono text-xs font-normal">{r.resource}</th>
              <td className="py-1">{CHANGE_LABEL[r.change]}</td>
              <td className="py-1 text-right tabular-nums">{formatMonthlyDelta(r.delta)}</td>
              <td className="py-1 pl-3 font-mono text-xs">{r.type}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-300 font-medium">
          <tr>
            <th scope="row" className="py-1 text-left">Total</th>
            <td />
            <td className="py-1 text-right tabular-nums">{formatMonthlyDelta(cost.delta)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollX>
  );
}
