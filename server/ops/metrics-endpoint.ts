import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { jsonError } from "@/server/http/json-error";
import { metricsToken } from "@/server/instance/settings";
import { METRICS_CONTENT_TYPE, metricsExposition } from "./metrics";

// GET /api/metrics: this process's metrics for Prometheus, behind the operator's bearer token
// (LAMBDAPLANE_METRICS_TOKEN). Without the setting the endpoint does not exist (404), so a default
// install exposes nothing.

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function bearerMatches(authorization: string | null, token: string): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(presented), digest(token)) && presented !== "";
}

export async function metricsResponse(req: Request): Promise<Response> {
  const token = metricsToken();
  if (!token) return jsonError(404, "Not found.");
  if (!bearerMatches(req.headers.get("authorization"), token)) {
    return jsonError(401, "Authorization: send the metrics token (LAMBDAPLANE_METRICS_TOKEN) as a bearer token.", {}, { "www-authenticate": 'Bearer realm="metrics"' });
  }
  return new Response(await metricsExposition(), { headers: { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" } });
}
