import { z } from "zod";
import { orgRoute } from "@/server/auth/org-route";
import { rateLimited } from "@/server/rate-limit/responses";
import { resolveRange } from "@/lib/logs/time-range";
import { filterLogEvents } from "@/server/logs/filter-events";
import { readQuery, timeRangeQuery } from "@/server/http/query";
import { filterQuery, withReadySource } from "@/server/logs/route-support";
import { logsClientOf } from "@/server/logs/source-clients";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; stageId: string }> };

const logsQuery = z
  .object({ function: z.string().optional(), filter: filterQuery, cursor: z.string().max(4096, "is not a cursor this viewer gave out.").optional() })
  .and(timeRangeQuery);

/** A page of the stage's log lines: ?function=&filter=&range= (or start=&end=) and cursor= for older lines. */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("logs:read", rateLimited("stageQuery", async (request, { org }) => {
    const { stageId } = await ctx.params;
    const query = readQuery(request, logsQuery);
    return withReadySource(org.id, stageId, query.function, async (ready) => {
      const { start, end } = resolveRange(query, Date.now());
      const page = await filterLogEvents(logsClientOf(ready), {
        functions: ready.functions,
        start,
        end,
        filterPattern: query.filter,
        cursor: query.cursor || null,
        endpoint: ready.connection.endpoint,
      });
      return Response.json(page);
    });
  }))(req, ctx);
}
