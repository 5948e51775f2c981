import { db } from "@/server/db/client";
import { orgRoute } from "@/server/auth/org-route";
import { findConnection, viewOf } from "@/server/aws/connections";
import { roleSetup } from "@/server/aws/setup";
import { jsonError } from "@/server/http/json-error";

type Params = { params: Promise<{ org: string; connectionId: string }> };

/** Downloads the CloudFormation template that creates the IAM role an assume-role connection uses. */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("aws:manage", async (_req, { org }) => {
    const row = await findConnection(db(), org.id, (await ctx.params).connectionId);
    if (!row) return jsonError(404, "Not found.");
    const setup = roleSetup(viewOf(row));
    if (!setup.ok) return jsonError(409, setup.message);
    const filename = `lambdaplane-role-${row.name.replace(/[^A-Za-z0-9-]+/g, "-")}.json`;
    return new Response(`${JSON.stringify(setup.roleTemplate, null, 2)}\n`, {
      headers: { "Content-Type": "application/json", "Content-Disposition": `attachment; filename="${filename}"` },
    });
  })(req, ctx);
}
