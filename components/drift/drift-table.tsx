import { isAdoptable } from "@/lib/drift/adoptable";
import type { DriftItem } from "@/server/drift/types";
import { ScrollX } from "@/components/ui/scroll-x";

const shown = (value: unknown) => (value === null || value === undefined ? "(absent)" : typeof value === "string" ? value : JSON.stringify(value));

/** Per resource and property: what the last deploy rendered and what runs; with `pickable`, a checkbox (name "pick") per adoptable row. */
export function DriftTable({ drifts, label, pickable = false }: { drifts: DriftItem[]; label: string; pickable?: boolean }) {
  return (
    <ScrollX>
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            {pickable ? <th className="py-1 pr-3">Adopt</th> : null}
            <th className="py-1 pr-3">Resource</th>
            <th className="py-1 pr-3">Property</th>
            <th className="py-1 pr-3">Deployed</th>
            <th className="py-1">Live</th>
          </tr>
        </thead>
        <tbody>
          {drifts.map((d) => (
            <tr key={`${d.resource}:${d.property}`} className="border-t border-slate-100 align-top">
              {pickable ? (
                <td className="py-1 pr-3">
                  {isAdoptable(d) ? <input type="checkbox" name="pick" value={`${d.resource} ${d.property}`} aria-label={`Adopt ${d.resource} ${d.property}`} /> : null}
                </td>
              ) : null}
              <td className="py-1 pr-3 font-mono">{d.resource}</td>
              <td className="py-1 pr-3 font-mono">{d.property === "(resource)" ? "deleted outside Lambdaplane" : d.property}</td>
              <td className="py-1 pr-3 font-mono break-all">{shown(d.deployed)}</td>
              <td className="py-1 font-mono break-all">
                {d.liveHidden ? <span className="font-sans italic text-slate-600">hidden: environment values are shown to people who may deploy</span> : shown(d.live)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
