/** One chart's series: CloudWatch's values in time order. */
export interface MetricSeries {
  id: string;
  label: string;
  unit: "count" | "ms";
  points: { t: number; v: number }[];
}

export interface MetricsResponse {
  periodSeconds: number;
  start: number;
  end: number;
  charts: MetricChart[];
}

/** A chart's series, or why its query failed (each chart is read on its own). */
export type MetricChart = { title: string; series: MetricSeries[] } | { title: string; error: { message: string; details: string } };
