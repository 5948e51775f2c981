import { z } from "zod";
import { db } from "@/server/db/client";
import { orgRoute } from "@/server/auth/org-route";
import { codeArchive, exportFileName, findRevisionForExport } from "@/server/stacks/export";
import { jsonError } from "@/server/http/json-error";

type Params = { params: Promise<{ org: string; stackId: string }> };

const exportQuery = z.object({
  part: z.enum(["yaml", "code"], "part must be yaml or code"),
  revision: z.coerce.number("revision must be a number").int("revision must be a whole number").min(1, "revision must be 1 or more").optional(),
});

/** Downloads a revision's definition (?part=yaml) or its handler files as a zip (?part=code); the latest unless ?revision=N. */
export function GET(req: Request, ctx: Params): Promise<Response> {
  return orgRoute("stack:read", async (request, { org }) => {
    const query = exportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) {
      const issue = query.error.issues[0];
      return jsonError(400, `${issue.path.join(".")}: ${issue.message}`);
    }
    const revision = await findRevisionForExport(db(), org.id, (await ctx.params).stackId, query.data.revision);
    if (!revision) return jsonError(404, "Not found.");
    const { part } = query.data;
    const body = part === "yaml" ? revision.yaml : new Uint8Array(codeArchive(revision.code));
    return new Response(body, {
      headers: {
        "Content-Type": part === "yaml" ? "application/yaml; charset=utf-8" : "application/zip",
        "Content-Disposition": `attachment; filename="${exportFileName(revision, part)}"`,
        "Cache-Control": "no-store",
      },
    });
  })(req, ctx);
}
