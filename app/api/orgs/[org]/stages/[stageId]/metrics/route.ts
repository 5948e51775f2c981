import { orgRoute } from "@/server/auth/org-route";
import { rateLimited } from "@/server/rate-limit/responses";
import { z } from "zod";
import { resolveRange } from "@/lib/logs/time-range";
import { cloudWatchClient } from "@/server/aws/clients";
import { functionMetrics } from "@/server/metrics/get-metrics";
import { readQuery, timeRangeQuery } from "@/server/http/query";
import { withReadySource } from "@/server/logs/route-support";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; stageId: string }> };

const metricsQuery = z.object({ function: z.string("choose a function to chart.").min(1, "choose a function to chart.") }).and(timeRangeQuery);

/** One function's metrics charts over the range: ?function= (required) and range= or start=&end=. */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("logs:read", rateLimited("stageQuery", async (request, { org }) => {
    const { stageId } = await ctx.params;
    const query = readQuery(request, metricsQuery);
    return withReadySource(org.id, stageId, query.function, async (ready) => {
      const { start, end } = resolveRange(query, Date.now());
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
