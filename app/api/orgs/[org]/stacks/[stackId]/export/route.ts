import { z } from "zod";
import { db } from "@/server/db/client";
import { orgRoute } from "@/server/auth/org-route";
import { runCompute } from "@/server/compute/pool";
import { rateLimited } from "@/server/rate-limit/responses";
import { exportFileName, findRevisionForExport } from "@/server/stacks/export";
import { jsonError } from "@/server/http/json-error";
import { readQuery, revisionQuery } from "@/server/http/query";

type Params = { params: Promise<{ org: string; stackId: string }> };

const exportQuery = z.object({
  part: z.enum(["yaml", "code"], "must be yaml or code"),
  revision: revisionQuery,
});

/**
 * Downloads a revision's definition (?part=yaml) or its handler files as a zip (?part=code); the
 * latest unless ?revision=N. The zip (up to 10 MB of deflate) is built in the compute pool.
 */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("stack:read", rateLimited("stackExport", async (request, { org }) => {
    const query = readQuery(request, exportQuery);
    const revision = await findRevisionForExport(db(), org.id, (await ctx.params).stackId, query.revision);
    if (!revision) return jsonError(404, "Not found.");
    const { part } = query;
    const body =
      part === "yaml"
        ? revision.yaml
        : new Uint8Array(await runCompute("codeArchive", [revision.code], { organizationId: org.id, doing: `Exporting the code of stack "${revision.stackName}"` }));
    return new Response(body, {
      headers: {
        "Content-Type": part === "yaml" ? "application/yaml; charset=utf-8" : "application/zip",
        "Content-Disposition": `attachment; filename="${exportFileName(revision, part)}"`,
        "Cache-Control": "no-store",
      },
    });
  }))(req, ctx);
}
