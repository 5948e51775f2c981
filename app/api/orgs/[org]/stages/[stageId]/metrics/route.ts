import { orgRoute } from "@/server/auth/org-route";
import { rateLimited } from "@/server/rate-limit/responses";
import { parseTimeRange, resolveRange } from "@/lib/logs/time-range";
import { cloudWatchClient } from "@/server/aws/clients";
import { functionMetrics } from "@/server/metrics/get-metrics";
import { jsonError } from "@/server/http/json-error";
import { withReadySource } from "@/server/logs/route-support";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; stageId: string }> };

/** One function's metrics charts over the range: ?function= (required) and range= or start=&end=. */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("logs:read", rateLimited("stageQuery", async (request, { org }) => {
    const { stageId } = await ctx.params;
    const url = new URL(request.url);
    if (!url.searchParams.get("function")) return jsonError(400, "function: choose a function to chart.", { field: "function" });
    const range = parseTimeRange(url.searchParams);
    if (!range.ok) return jsonError(400, range.message, { field: range.field });
    return withReadySource(org.id, stageId, url, async (ready) => {
      const { start, end } = resolveRange(range.range, Date.now());
      // Each chart carries its own failure: one refused statistic does not hide the others.
      const metrics = await functionMetrics(cloudWatchClient(ready.connection, ready.source.region), {
        functionName: ready.functions[0].physicalName,
        start,
        end,
        endpoint: ready.connection.endpoint,
      });
      return Response.json(metrics);
    });
  }))(req, ctx);
}
