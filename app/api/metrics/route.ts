import { metricsResponse } from "@/server/ops/metrics-endpoint";

// Prometheus scrapes each web process here (worker processes: `npm run worker` serves the same on
// LAMBDAPLANE_WORKER_METRICS_PORT). Bearer token from LAMBDAPLANE_METRICS_TOKEN; 404 when unset.
export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return metricsResponse(req);
}
