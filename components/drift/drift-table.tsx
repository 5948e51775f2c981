import type { DriftItem } from "@/server/drift/types";

const shown = (value: unknown) => (value === null || value === undefined ? "(absent)" : typeof value === "string" ? value : JSON.stringify(value));

/** Per resource and property: what the last deploy rendered and what runs. */
export function DriftTable({ drifts, label }: { drifts: DriftItem[]; label: string }) {
  return (
    <table className="w-full text-left text-sm" aria-label={label}>
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1 pr-3">Resource</th>
          <th className="py-1 pr-3">Property</th>
          <th className="py-1 pr-3">Deployed</th>
          <th className="py-1">Live</th>
        </tr>
      </thead>
      <tbody>
        {drifts.map((d) => (
          <tr key={`${d.resource}:${d.property}`} className="border-t border-slate-100 align-top">
            <td className="py-1 pr-3 font-mono">{d.resource}</td>
            <td className="py-1 pr-3 font-mono">{d.property === "(resource)" ? "deleted outside Lambdaplane" : d.property}</td>
            <td className="py-1 pr-3 font-mono break-all">{shown(d.deployed)}</td>
            <td className="py-1 font-mono break-all">{shown(d.live)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
