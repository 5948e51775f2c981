import { formatMonthlyDelta, formatUsd } from "@/lib/cost";
import type { CostDifference } from "@/lib/deploy/cost-difference";
import { ScrollX } from "@/components/ui/scroll-x";

/** The monthly cost difference of a deploy, per changed resource and in total. */
export function CostDifferenceTable({ cost }: { cost: CostDifference }) {
  if (!cost.ok) return <p className="text-sm text-slate-600">No cost difference: {cost.reason}.</p>;
  const { diff } = cost;
  const against = cost.baseRevision === null ? "nothing deployed yet" : `revision ${cost.baseRevision}, deployed now`;
  return (
    <ScrollX>
      <table className="w-full text-left text-sm">
        <caption className="pb-1 text-left text-xs text-slate-500">
          Estimated monthly cost of {cost.revision === null ? "deleting the stack" : `revision ${cost.revision}`} against {against} ({cost.region}, assumed usage where none is set)
        </caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 font-medium">Resource</th>
            <th scope="col" className="py-1 font-medium">Change</th>
            <th scope="col" className="py-1 text-right font-medium">Before</th>
            <th scope="col" className="py-1 text-right font-medium">After</th>
            <th scope="col" className="py-1 text-right font-medium">Difference</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {diff.resources.map((r) => (
            <tr key={`${r.kind}:${r.resource}`}>
              <th scope="row" className="py-1 font-mono text-xs font-normal">{r.resource}</th>
              <td className="py-1">{r.change}</td>
              <td className="py-1 text-right tabular-nums">{formatUsd(r.before)}</td>
              <td className="py-1 text-right tabular-nums">{formatUsd(r.after)}</td>
              <td className="py-1 text-right tabular-nums">{formatMonthlyDelta(r.delta)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-300 font-medium">
          <tr>
            <th scope="row" className="py-1 text-left">Total</th>
            <td />
            <td className="py-1 text-right tabular-nums">{formatUsd(diff.before)}</td>
            <td className="py-1 text-right tabular-nums">{formatUsd(diff.after)}</td>
            <td className="py-1 text-right tabular-nums">{formatMonthlyDelta(diff.delta)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollX>
  );
}
