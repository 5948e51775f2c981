import "server-only";
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { workerMetricsPort } from "@/server/instance/settings";
import { jsonError } from "@/server/http/json-error";
import { metricsResponse } from "./metrics-endpoint";

// A worker process (`npm run worker`) has no web server, but its deployments are counted in its own
// registry: with LAMBDAPLANE_WORKER_METRICS_PORT set it answers GET /api/metrics there, behind the
// same bearer token as the web processes, and nothing else.

export interface WorkerMetricsServer {
  port: number;
  close(): Promise<void>;
}

function answer(server: Server, port: number): void {
  server.on("request", async (req, res) => {
    const request = new Request(`http://127.0.0.1:${port}${req.url ?? "/"}`, { method: req.method, headers: req.headers as Record<string, string> });
    const isMetrics = req.method === "GET" && new URL(request.url).pathname === "/api/metrics";
    const response = isMetrics ? await metricsResponse(request) : jsonError(404, "Not found.");
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
}

export async function startWorkerMetricsServer(port = workerMetricsPort()): Promise<WorkerMetricsServer | null> {
  if (port === null) return null;
  const server = createServer();
  answer(server, port);
  server.listen(port);
  await once(server, "listening");
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
