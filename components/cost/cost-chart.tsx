import { formatUsd } from "@/lib/cost";

export interface CostBar {
  label: string;
  /** USD a month; negative for credits (the free tier, volume-tier discounts). */
  value: number;
}

const ROW = 22;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 130;
const BAR_WIDTH = 260;

/** A bar's figure as shown and read out: a credit says so, not only by its minus sign and colour. */
export function barValueText(value: number): string {
  return value < 0 ? `${formatUsd(value)} credit` : formatUsd(value);
}

/** Bars of a cent or more, largest first; past `limit`, the rest summed into one "N others" bar. */
export function largestFirst(bars: readonly CostBar[], limit: number): CostBar[] {
  const sorted = bars.filter((b) => Math.round(b.value * 100) !== 0).sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit - 1);
  return [...sorted.slice(0, limit - 1), { label: `${rest.length} others`, value: rest.reduce((sum, b) => sum + b.value, 0) }];
}

/**
 * Horizontal bars, largest first, as an SVG image whose accessible name lists every bar: a screen
 * reader hears the same figures the picture shows. A credit (the free tier, the saving of volume tiers
 * over list prices) is drawn rightwards like any bar, its length its size, in green and labelled "credit".
 */
export function CostChart({ title, bars, limit = 12 }: { title: string; bars: readonly CostBar[]; limit?: number }) {
  const sorted = largestFirst(bars, limit);
  const max = Math.max(...sorted.map((b) => Math.abs(b.value)), 0);
  const summary = sorted.length ? sorted.map((b) => `${b.label} ${barValueText(b.value)}`).join(", ") : "nothing above $0.01";
  const height = Math.max(sorted.length, 1) * ROW;
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
      <svg role="img" aria-label={`${title}: ${summary}`} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH} ${height}`} className="w-full max-w-xl">
        {sorted.length === 0 ? (
          <text x={0} y={15} className="fill-slate-500 text-xs">
            Nothing above $0.01 a month
          </text>
        ) : (
          sorted.map((bar, i) => {
            const width = max > 0 ? Math.max(1, (Math.abs(bar.value) / max) * BAR_WIDTH) : 0;
            const y = i * ROW;
            return (
              <g key={bar.label}>
                <text x={LABEL_WIDTH - 6} y={y + 15} textAnchor="end" className="fill-slate-700 text-xs">
                  {bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label}
                </text>
                <rect x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 8} rx={2} className={bar.value < 0 ? "fill-emerald-500" : "fill-indigo-500"} />
                <text x={LABEL_WIDTH + width + 6} y={y + 15} className="fill-slate-900 text-xs tabular-nums">
                  {barValueText(bar.value)}
                </text>
              </g>
            );
          })
        )}
      </svg>
    </figure>
  );
}
