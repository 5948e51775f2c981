import { formatMonthlyDelta, formatUsd, type CostDiff } from "@/lib/cost";
import { ScrollX } from "@/components/ui/scroll-x";

const CHANGE_LABEL = { added: "added", removed: "removed", changed: "changed", unchanged: "unchanged" } as const;

/** The monthly cost change between two revisions, per changed resource and in total. */
export function CostDiffView({ diff, from, to, region }: { diff: CostDiff; from: number; to: number; region: string }) {
  const changed = diff.resources.filter((r) => r.change !== "unchanged");
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm">
        Total: <strong>{formatMonthlyDelta(diff.delta)}</strong> ({formatUsd(diff.before)} → {formatUsd(diff.after)} a month in {region}, with the default
        usage assumptions)
      </p>
      {changed.length === 0 ? (
        <p className="text-sm text-slate-600">No resource changes its estimated cost.</p>
      ) : (
        <ScrollX>
          <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
            <caption className="sr-only">Monthly cost change per resource</caption>
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Resource</th>
                <th scope="col" className="px-3 py-2">Service</th>
                <th scope="col" className="px-3 py-2 text-right">Revision {from}</th>
                <th scope="col" className="px-3 py-2 text-right">Revision {to}</th>
                <th scope="col" className="px-3 py-2 text-right">Change</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((r) => (
                <tr key={`${r.kind}:${r.resource}`} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {r.resource} <span className="font-normal text-slate-600">({CHANGE_LABEL[r.change]})</span>
                  </th>
                  <td className="px-3 py-2">{r.service}</td>
                  <td className="px-3 py-2 text-right font-mono">{formatUsd(r.before)}</td>
                  <td className="px-3 py-2 text-right font-mono">{formatUsd(r.after)}</td>
                  <td className="px-3 py-2 text-right font-mono">{formatMonthlyDelta(r.delta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </div>
  );
}
