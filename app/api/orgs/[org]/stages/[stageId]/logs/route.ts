import { filterPatternError } from "@/lib/logs/filter-pattern";
import { orgRoute } from "@/server/auth/org-route";
import { rateLimited } from "@/server/rate-limit/responses";
import { parseTimeRange, resolveRange } from "@/lib/logs/time-range";
import { filterLogEvents } from "@/server/logs/filter-events";
import { jsonError } from "@/server/http/json-error";
import { withReadySource } from "@/server/logs/route-support";
import { logsClientOf } from "@/server/logs/source-clients";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; stageId: string }> };

/** A page of the stage's log lines: ?function=&filter=&range= (or start=&end=) and cursor= for older lines. */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("logs:read", rateLimited("stageQuery", async (request, { org }) => {
    const { stageId } = await ctx.params;
    const url = new URL(request.url);
    const range = parseTimeRange(url.searchParams);
    if (!range.ok) return jsonError(400, range.message, { field: range.field });
    const filterPattern = (url.searchParams.get("filter") ?? "").trim();
    const patternError = filterPatternError(filterPattern);
    if (patternError) return jsonError(400, patternError, { field: "filterPattern" });
    return withReadySource(org.id, stageId, url, async (ready) => {
      const { start, end } = resolveRange(range.range, Date.now());
      const page = await filterLogEvents(logsClientOf(ready), {
        functions: ready.functions,
        start,
        end,
        filterPattern,
        cursor: url.searchParams.get("cursor") || null,
        endpoint: ready.connection.endpoint,
      });
      return Response.json(page);
    });
  }))(req, ctx);
}
