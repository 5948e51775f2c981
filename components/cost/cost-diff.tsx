import { formatMonthlyDelta, formatUsd, type CostDiff as CostDiffData } from "@/lib/cost";
import { ScrollX } from "@/components/ui/scroll-x";

/**
 * What a change does to the monthly cost: "+$X.XX/month" / "-$X.XX/month" per changed resource and
 * in total. Presentational: callers compute the diff with `diffCosts(before, after)` from lib/cost
 * (the Costs page, the deploy change-set preview, the revision diff), so all show it the same way.
 *
 * Props: `diff`, the result of diffCosts; `title`, the table's caption (e.g. "Revision 3 → 4").
 */
export function CostDiff({ diff, title }: { diff: CostDiffData; title: string }) {
  const changed = diff.resources.filter((r) => r.change !== "unchanged" && Math.round(r.delta * 100) !== 0);
  const tone = (delta: number) => (delta > 0 ? "text-red-700" : delta < 0 ? "text-emerald-700" : "text-slate-600");
  return (
    <ScrollX>
      <table className="w-full max-w-2xl text-sm">
        <caption className="mb-1 text-left font-medium text-slate-700">{title}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">Resource</th>
            <th scope="col" className="py-1 pr-3 font-medium">Change</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Before</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">After</th>
            <th scope="col" className="py-1 text-right font-medium">Difference</th>
          </tr>
        </thead>
        <tbody>
          {changed.length === 0 ? (
            <tr>
              <td colSpan={5} className="py-2 text-slate-600">
                No resource changes its monthly cost by a cent or more.
              </td>
            </tr>
          ) : (
            changed.map((r) => (
              <tr key={`${r.kind}:${r.resource}`} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-3 text-left font-mono font-normal">{r.resource}</th>
                <td className="py-1 pr-3 text-slate-600">{r.change}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatUsd(r.before)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatUsd(r.after)}</td>
                <td className={`py-1 text-right font-medium tabular-nums ${tone(r.delta)}`}>{formatMonthlyDelta(r.delta)}</td>
              </tr>
            ))
          )}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-300">
            <th scope="row" className="py-1 pr-3 text-left">Total</th>
            <td />
            <td className="py-1 pr-3 text-right tabular-nums">{formatUsd(diff.before)}</td>
            <td className="py-1 pr-3 text-right tabular-nums">{formatUsd(diff.after)}</td>
            <td className={`py-1 text-right font-semibold tabular-nums ${tone(diff.delta)}`}>
              {formatMonthlyDelta(diff.delta)}
            </td>
          </tr>
        </tfoot>
      </table>
    </ScrollX>
  );
}
