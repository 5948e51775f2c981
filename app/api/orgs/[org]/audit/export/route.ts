import { z } from "zod";
import { db } from "@/server/db/client";
import { orgRoute } from "@/server/auth/org-route";
import { auditQuerySchema } from "@/server/audit/queries";
import { exportAuditEvents } from "@/server/audit/export";
import { jsonError } from "@/server/http/json-error";

const exportQuery = auditQuerySchema.pick({ actor: true, action: true }).extend({ format: z.enum(["csv", "json"], "format must be csv or json") });

export const GET = orgRoute("audit:read", async (req, { org }) => {
  const query = exportQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0];
    return jsonError(400, `${issue.path.join(".")}: ${issue.message}`);
  }
  const { format, ...filters } = query.data;
  return new Response(exportAuditEvents(db(), org.id, filters, format), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${org.slug}-audit.${format}"`,
      "Cache-Control": "no-store",
    },
  });
});
