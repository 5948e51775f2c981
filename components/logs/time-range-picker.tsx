"use client";
import { useId, useState } from "react";
import { RELATIVE_RANGES, resolveRange, type RelativeRange, type TimeRange } from "@/lib/logs/time-range";

const LABELS: Record<RelativeRange, string> = { "5m": "Last 5 minutes", "15m": "Last 15 minutes", "1h": "Last hour", "3h": "Last 3 hours", "12h": "Last 12 hours", "1d": "Last day", "7d": "Last 7 days" };

// <input type="datetime-local"> speaks local time without a zone.
const toLocalInput = (ms: number) => {
  const d = new Date(ms);
  return new Date(ms - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * A relative range from a list, or an absolute one between two local times. For a relative range
 * From/To show its window: `shown` (the window the lines were read from) once known, else "now".
 */
export function TimeRangePicker({ value, shown, onChange }: { value: TimeRange; shown: { start: number; end: number } | null; onChange(range: TimeRange): void }) {
  const id = useId();
  const [initial] = useState(() => (value.kind === "absolute" ? value : (shown ?? resolveRange(value, Date.now()))));
  const [from, setFrom] = useState(() => toLocalInput(initial.start));
  const [to, setTo] = useState(() => toLocalInput(initial.end));
  const [error, setError] = useState<string | null>(null);
  const [lastShown, setLastShown] = useState(shown);
  if (value.kind === "relative" && shown && (shown.start !== lastShown?.start || shown.end !== lastShown?.end)) {
    // The server answered with the window it read: show that one.
    setLastShown(shown);
    setFrom(toLocalInput(shown.start));
    setTo(toLocalInput(shown.end));
  }

  const applyAbsolute = () => {
    const start = new Date(from).getTime();
    const end = new Date(to).getTime();
    if (Number.isNaN(start)) return setError("From: enter a date and time.");
    if (Number.isNaN(end)) return setError("To: enter a date and time.");
    if (end <= start) return setError("To must be after From.");
    setError(null);
    onChange({ kind: "absolute", start, end });
  };

  return (
    <fieldset className="flex flex-wrap items-end gap-2">
      <legend className="text-sm font-medium text-slate-700">Time range</legend>
      <label className="flex flex-col text-xs text-slate-600" htmlFor={`${id}-rel`}>
        Range
        <select
          id={`${id}-rel`}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          value={value.kind === "relative" ? value.range : "custom"}
          onChange={(e) => (e.target.value === "custom" ? applyAbsolute() : onChange({ kind: "relative", range: e.target.value as RelativeRange }))}
        >
          {(Object.keys(RELATIVE_RANGES) as RelativeRange[]).map((r) => (
            <option key={r} value={r}>
              {LABELS[r]}
            </option>
          ))}
          <option value="custom">Custom (From/To)</option>
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600" htmlFor={`${id}-from`}>
        From
        <input id={`${id}-from`} type="datetime-local" className="rounded-md border border-slate-300 px-2 py-1 text-sm" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label className="flex flex-col text-xs text-slate-600" htmlFor={`${id}-to`}>
        To
        <input id={`${id}-to`} type="datetime-local" className="rounded-md border border-slate-300 px-2 py-1 text-sm" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="button" className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm hover:bg-slate-50" onClick={applyAbsolute}>
        Apply range
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
