import { PRICED_REGIONS } from "@/lib/cost";

const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm";

/** A plain GET form: the comparison is part of the URL, so it can be shared and works without script. */
export function CompareForm({ numbers, from, to, region }: { numbers: number[]; from: number; to: number; region: string }) {
  const select = (name: string, label: string, value: number) => (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value} className={selectClass}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            Revision {n}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" aria-label="Compare revisions" className="flex flex-wrap items-end gap-3">
      {select("from", "From revision", from)}
      {select("to", "To revision", to)}
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Cost region
        <select name="region" defaultValue={region} className={selectClass}>
          {PRICED_REGIONS.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
        Compare
      </button>
    </form>
  );
}
