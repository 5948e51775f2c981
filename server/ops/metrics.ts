import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { openStreamCounts } from "./open-streams";
import { readQueueStats } from "./queue-stats";
import { log } from "./log";

// The application's metrics (prom-client), served at /api/metrics. Each process has its own
// registry (its own deployments, requests and streams): Prometheus scrapes every web and worker
// process. Label values come from fixed sets only (statuses, methods, limit names), never ids or
// user input, or the number of series grows without bound.

// One registry per process, on globalThis: Next loads instrumentation (which runs the deploy
// workers) and route handlers as separate module instances, and both must count into one place.
const shared = globalThis as unknown as { lambdaplaneMetricsRegistry?: Registry };

function defaultRegistry(): Registry {
  if (!shared.lambdaplaneMetricsRegistry) {
    shared.lambdaplaneMetricsRegistry = new Registry();
    // The process's own figures: CPU, resident memory, heap, event-loop lag, open handles.
    collectDefaultMetrics({ register: shared.lambdaplaneMetricsRegistry, prefix: "lambdaplane_" });
  }
  return shared.lambdaplaneMetricsRegistry;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Get-or-create: this module may be loaded more than once per process (Next's module instances). */
function metric<M>(name: string, create: () => M): M {
  return (defaultRegistry().getSingleMetric(name) as M | undefined) ?? create();
}

const registers = () => [defaultRegistry()];

const deploymentsFinished = metric(
  "lambdaplane_deployments_finished_total",
  () =>
    new Counter({
      name: "lambdaplane_deployments_finished_total",
      help: "Deployments this process's pipeline ran to an end, by operation and final status.",
      labelNames: ["operation", "status"],
      registers: registers(),
    }),
);

const deploymentDuration = metric(
  "lambdaplane_deployment_duration_seconds",
  () =>
    new Histogram({
      name: "lambdaplane_deployment_duration_seconds",
      help: "Time from a deployment's request to its end, by operation and final status.",
      labelNames: ["operation", "status"],
      buckets: [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600],
      registers: registers(),
    }),
);

const httpDuration = metric(
  "lambdaplane_http_request_duration_seconds",
  () =>
    new Histogram({
      name: "lambdaplane_http_request_duration_seconds",
      help: "Time to answer API requests (to the response's headers, for streams), by route family, method and status.",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: registers(),
    }),
);

const rateLimitRefusals = metric(
  "lambdaplane_rate_limit_refusals_total",
  () => new Counter({ name: "lambdaplane_rate_limit_refusals_total", help: "Requests refused by a rate limit, by limit.", labelNames: ["limit"], registers: registers() }),
);

const notificationDeliveries = metric(
  "lambdaplane_notification_deliveries_total",
  () =>
    new Counter({
      name: "lambdaplane_notification_deliveries_total",
      help: "Notification delivery attempts, by target kind and result (delivered; retrying: failed, will be tried again; failed: the last attempt failed).",
      labelNames: ["kind", "result"],
      registers: registers(),
    }),
);

metric(
  "lambdaplane_sse_connections",
  () =>
    new Gauge({
      name: "lambdaplane_sse_connections",
      help: "Server-Sent Event streams this process holds open, by stream.",
      labelNames: ["stream"],
      registers: registers(),
      // At each scrape: only the streams open now (reset drops those that closed).
      collect() {
        this.reset();
        for (const [stream, n] of Object.entries(openStreamCounts())) this.set({ stream }, n);
      },
    }),
);

// Both queue gauges read one query per scrape.
let queueRead: { at: number; stats: ReturnType<typeof readQueueStats> } | undefined;
function queueStats() {
  if (!queueRead || Date.now() - queueRead.at > 1_000) queueRead = { at: Date.now(), stats: readQueueStats() };
  return queueRead.stats;
}

async function collectQueue(gauge: Gauge, set: (queue: string, s: Awaited<ReturnType<typeof readQueueStats>>[number]) => void) {
  gauge.reset();
  try {
    for (const s of await queueStats()) set(s.queue, s);
  } catch (error) {
    // A scrape during a database outage still answers the process's own figures.
    log.warn("metrics: could not read the job queue", { error });
  }
}

metric(
  "lambdaplane_queue_jobs",
  () =>
    new Gauge({
      name: "lambdaplane_queue_jobs",
      help: "Jobs in the queue (whole database, not this process), by queue and state (waiting: not yet taken; active: being worked on).",
      labelNames: ["queue", "state"],
      registers: registers(),
      collect() {
        return collectQueue(this, (queue, s) => {
          this.set({ queue, state: "waiting" }, s.waiting);
          this.set({ queue, state: "active" }, s.active);
        });
      },
    }),
);

metric(
  "lambdaplane_queue_oldest_job_age_seconds",
  () =>
    new Gauge({
      name: "lambdaplane_queue_oldest_job_age_seconds",
      help: "How long the oldest job that could run has waited (whole database), by queue; 0 when none waits.",
      labelNames: ["queue"],
      registers: registers(),
      collect() {
        return collectQueue(this, (queue, s) => this.set({ queue }, s.oldestWaitingSeconds));
      },
    }),
);

export function recordDeploymentEnd(operation: string, status: string, seconds: number): void {
  deploymentsFinished.inc({ operation, status });
  deploymentDuration.observe({ operation, status }, seconds);
}

export function recordHttpRequest(route: "orgs" | "v1", method: string, status: number, seconds: number): void {
  httpDuration.observe({ route, method: METHODS.has(method) ? method : "other", status: String(status) }, seconds);
}

export function recordRateLimitRefusal(limit: string): void {
  rateLimitRefusals.inc({ limit });
}

export function recordNotificationDelivery(kind: string, result: "delivered" | "retrying" | "failed"): void {
  notificationDeliveries.inc({ kind: kind === "slack" ? "slack" : "webhook", result });
}

export function metricsExposition(): Promise<string> {
  return defaultRegistry().metrics();
}

export const METRICS_CONTENT_TYPE = defaultRegistry().contentType;
