import { orgRoute } from "@/server/auth/org-route";
import { rateLimited } from "@/server/rate-limit/responses";
import { can } from "@/lib/auth/permissions";
import { cloudWatchLogsClient, lambdaClient } from "@/server/aws/clients";
import { readFunctionLiveView } from "@/server/functions/live-view";
import { z } from "zod";
import { readQuery } from "@/server/http/query";
import { withReadySource } from "@/server/logs/route-support";

export const dynamic = "force-dynamic";

const functionQuery = z.object({ function: z.string({ error: "choose a function." }).min(1, "choose a function.") });

type Params = { params: Promise<{ org: string; stageId: string }> };

/** One deployed function as AWS reports it now: ?function= (its name in the stack). */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("stack:read", rateLimited("stageQuery", async (request, { org, role }) => {
    const { stageId } = await ctx.params;
    const query = readQuery(request, functionQuery);
    return withReadySource(org.id, stageId, query.function, async (ready) => {
      const { connection, source } = ready;
      const fn = ready.functions[0];
      const view = await readFunctionLiveView(
        { lambda: lambdaClient(connection, source.region), logs: cloudWatchLogsClient(connection, source.region) },
        // Environment values are as sensitive as the deploy that set them: only roles that may deploy see them.
        { physicalName: fn.physicalName, logGroupName: fn.logGroupName, region: source.region, revealEnvironment: can(role, "deploy:start"), endpoint: connection.endpoint, now: Date.now() },
      );
      return Response.json(view);
    });
  }))(req, ctx);
}
