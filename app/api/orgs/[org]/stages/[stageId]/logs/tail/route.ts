import { filterPatternError } from "@/lib/logs/filter-pattern";
import { orgRoute } from "@/server/auth/org-route";
import { rateLimited } from "@/server/rate-limit/responses";
import { tailLogs } from "@/server/logs/live-tail";
import { jsonError } from "@/server/http/json-error";
import { withReadySource } from "@/server/logs/route-support";
import { logGroupArnResolver, logsClientOf } from "@/server/logs/source-clients";
import { tailResponse } from "@/server/logs/tail-stream";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; stageId: string }> };

/** The live tail as Server-Sent Events (?function=&filter=); one upstream session per request. */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("logs:read", rateLimited("stageQuery", async (request, { org }) => {
    const { stageId } = await ctx.params;
    const url = new URL(request.url);
    const filterPattern = (url.searchParams.get("filter") ?? "").trim();
    const patternError = filterPatternError(filterPattern);
    if (patternError) return jsonError(400, patternError, { field: "filterPattern" });
    return withReadySource(org.id, stageId, url, async (ready) => {
      const logGroupArn = await logGroupArnResolver(ready);
      const logs = logsClientOf(ready);
      return tailResponse(
        (signal) => tailLogs(logs, { functions: ready.functions, filterPattern, signal, logGroupArn, endpoint: ready.connection.endpoint }),
        request,
      );
    });
  }))(req, ctx);
}
