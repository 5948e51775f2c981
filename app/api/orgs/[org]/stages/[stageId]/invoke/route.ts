import { orgRoute } from "@/server/auth/org-route";
import { runInvocation } from "@/server/invoke/run-invocation";
import { rateLimited } from "@/server/rate-limit/responses";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; stageId: string }> };

/** Test-invokes one deployed function of the stage: JSON { function, type, payload }. */
export function POST(req: Request, ctx: Params): Promise<Response> {
  return orgRoute(
    "function:invoke",
    rateLimited("invoke", async (request, membership) => runInvocation(request, (await ctx.params).stageId, membership)),
  )(req, ctx);
}
