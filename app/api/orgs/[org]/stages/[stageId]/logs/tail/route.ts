import { z } from "zod";
import { orgRoute } from "@/server/auth/org-route";
import { rateLimited } from "@/server/rate-limit/responses";
import { tailLogs } from "@/server/logs/live-tail";
import { readQuery } from "@/server/http/query";
import { filterQuery, withReadySource } from "@/server/logs/route-support";
import { logGroupArnResolver, logsClientOf } from "@/server/logs/source-clients";
import { tailResponse } from "@/server/logs/tail-stream";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; stageId: string }> };

const tailQuery = z.object({ function: z.string().optional(), filter: filterQuery });

/** The live tail as Server-Sent Events (?function=&filter=); one upstream session per request. */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("logs:read", rateLimited("stageQuery", async (request, { org }) => {
    const { stageId } = await ctx.params;
    const query = readQuery(request, tailQuery);
    return withReadySource(org.id, stageId, query.function, async (ready) => {
      const logGroupArn = await logGroupArnResolver(ready);
      const logs = logsClientOf(ready);
      return tailResponse(
        (signal) => tailLogs(logs, { functions: ready.functions, filterPattern: query.filter, signal, logGroupArn, endpoint: ready.connection.endpoint }),
        request,
      );
    });
  }))(req, ctx);
}
