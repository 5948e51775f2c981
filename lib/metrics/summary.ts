// Text for the charts: what a screen reader hears and what the axis says. Pure.
import type { MetricSeries } from "./types";

export function formatValue(v: number, unit: MetricSeries["unit"]): string {
  const n = Number.isInteger(v) ? v.toLocaleString("en") : v.toLocaleString("en", { maximumFractionDigits: 1 });
  return unit === "ms" ? `${n} ms` : n;
}

export function seriesSummary(s: MetricSeries): string {
  if (s.points.length === 0) return `${s.label}: no data`;
  const values = s.points.map((p) => p.v);
  const max = Math.max(...values);
  if (s.unit === "count") return `${s.label}: total ${formatValue(values.reduce((a, b) => a + b, 0), s.unit)}, peak ${formatValue(max, s.unit)} per period`;
  return `${s.label}: peak ${formatValue(max, s.unit)}, latest ${formatValue(values[values.length - 1], s.unit)}`;
}
