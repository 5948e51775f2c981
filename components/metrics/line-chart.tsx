"use client";
import { useId } from "react";
import { formatValue, seriesSummary } from "@/lib/metrics/summary";
import type { MetricSeries } from "@/lib/metrics/types";

const COLORS = ["#4f46e5", "#b45309", "#b91c1c"];
const W = 360;
const H = 140;
const PAD = { left: 48, right: 8, top: 8, bottom: 20 };

/** A small accessible SVG chart: the image is labelled with a summary, and the values are in a table. */
export function LineChart({ title, series, start, end }: { title: string; series: MetricSeries[]; start: number; end: number }) {
  const id = useId();
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.v)));
  const x = (t: number) => PAD.left + ((t - start) / Math.max(1, end - start)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const summary = series.map(seriesSummary).join("; ");
  const empty = series.every((s) => s.points.length === 0);
  const unit = series[0]?.unit ?? "count";

  return (
    <figure className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`} className="text-sm font-semibold">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full" role="img" aria-label={`${title}: ${summary}`}>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#94a3b8" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} stroke="#94a3b8" />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" fontSize="10" fill="#334155">
          {formatValue(max, unit)}
        </text>
        <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" fontSize="10" fill="#334155">
          0
        </text>
        <text x={PAD.left} y={H - 4} fontSize="10" fill="#334155">
          {new Date(start).toISOString().slice(5, 16).replace("T", " ")}
        </text>
        <text x={W - PAD.right} y={H - 4} textAnchor="end" fontSize="10" fill="#334155">
          {new Date(end).toISOString().slice(5, 16).replace("T", " ")} UTC
        </text>
        {series.map((s, i) => (
          <polyline key={s.id} fill="none" stroke={COLORS[i % COLORS.length]} strokeWidth="1.5" points={s.points.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ")} />
        ))}
        {empty ? (
          <text x={W / 2} y={H / 2} textAnchor="middle" fontSize="12" fill="#334155">
            No data points in this range
          </text>
        ) : null}
      </svg>
      {series.length > 1 ? (
        <ul className="flex gap-3 text-xs text-slate-700" aria-label={`${title} series`}>
          {series.map((s, i) => (
            <li key={s.id} className="flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-2 w-3" style={{ background: COLORS[i % COLORS.length] }} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      {!empty ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-indigo-700">Data table</summary>
          <table className="mt-1 w-full text-left">
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                {series.map((s) => (
                  <th key={s.id} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...new Set(series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => a - b).map((t) => (
                <tr key={t}>
                  <td>{new Date(t).toISOString().slice(0, 16).replace("T", " ")}</td>
                  {series.map((s) => {
                    const p = s.points.find((q) => q.t === t);
                    return <td key={s.id}>{p ? formatValue(p.v, s.unit) : ""}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}
