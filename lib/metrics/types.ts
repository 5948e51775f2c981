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
  charts: { title: string; series: MetricSeries[] }[];
}
