import { db } from "@/server/db/client";
import { orgRoute } from "@/server/auth/org-route";
import { deploymentEventStream } from "@/server/deploy/stream";
import { jsonError } from "@/server/http/json-error";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; deploymentId: string }> };

/** The deployment's timeline as Server-Sent Events; reconnects resume after Last-Event-ID. */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("stack:read", async (request, { org }) => {
    const { deploymentId } = await ctx.params;
    const found = await db().deployment.count({ where: { id: deploymentId, stage: { stack: { organizationId: org.id } } } });
    if (found === 0) return jsonError(404, "Not found.");
    return deploymentEventStream(db(), deploymentId, request);
  })(req, ctx);
}
