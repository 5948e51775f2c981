// The viewer's time range, as it travels in a URL (?range=1h or ?start=…&end=…). Pure, shared by
// the server (queries) and the browser (pickers and copyable links).

export const RELATIVE_RANGES = { "5m": 5, "15m": 15, "1h": 60, "3h": 180, "12h": 720, "1d": 1440, "7d": 10080 } as const;
export type RelativeRange = keyof typeof RELATIVE_RANGES;

export type TimeRange = { kind: "relative"; range: RelativeRange } | { kind: "absolute"; start: number; end: number };

export const DEFAULT_RANGE: TimeRange = { kind: "relative", range: "1h" };

/** CloudWatch Logs keeps nothing older than its longest retention; a range wider than this is a typo. */
const MAX_SPAN_MS = 10 * 365 * 24 * 3600 * 1000;

/** A failure names the parameter and says its problem ("must be after start."). */
export type RangeParse = { ok: true; range: TimeRange } | { ok: false; field: "range" | "start" | "end"; message: string };

const isRelative = (v: string): v is RelativeRange => Object.hasOwn(RELATIVE_RANGES, v);

export function parseTimeRange(params: { get(name: string): string | null }): RangeParse {
  const range = params.get("range");
  const start = params.get("start");
  const end = params.get("end");
  if (start === null && end === null) {
    if (range === null || range === "") return { ok: true, range: DEFAULT_RANGE };
    if (!isRelative(range)) return { ok: false, field: "range", message: `must be one of ${Object.keys(RELATIVE_RANGES).join(", ")}.` };
    return { ok: true, range: { kind: "relative", range } };
  }
  const s = Date.parse(start ?? "");
  const e = Date.parse(end ?? "");
  if (Number.isNaN(s)) return { ok: false, field: "start", message: "must be a date and time such as 2026-12-01T08:00:00Z." };
  if (Number.isNaN(e)) return { ok: false, field: "end", message: "must be a date and time such as 2026-12-01T09:00:00Z." };
  if (e <= s) return { ok: false, field: "end", message: "must be after start." };
  if (e - s > MAX_SPAN_MS) return { ok: false, field: "start", message: "must be at most ten years before end." };
  return { ok: true, range: { kind: "absolute", start: s, end: e } };
}

/** The range in epoch milliseconds, relative ranges ending `now`. */
export function resolveRange(range: TimeRange, now: number): { start: number; end: number } {
  return range.kind === "absolute" ? { start: range.start, end: range.end } : { start: now - RELATIVE_RANGES[range.range] * 60_000, end: now };
}

/** URL parameters for the range: relative ranges stay relative, so a shared link follows "now". */
export function rangeParams(range: TimeRange): Record<string, string> {
  return range.kind === "relative"
    ? { range: range.range }
    : { start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString() };
}
