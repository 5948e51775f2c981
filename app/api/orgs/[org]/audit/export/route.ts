import { z } from "zod";
import { db } from "@/server/db/client";
import { orgRoute } from "@/server/auth/org-route";
import { auditQuerySchema } from "@/server/audit/queries";
import { exportAuditEvents } from "@/server/audit/export";
import { readQuery } from "@/server/http/query";

const exportQuery = auditQuerySchema.pick({ actor: true, action: true }).extend({ format: z.enum(["csv", "json"], "must be csv or json") });

export const GET = orgRoute("audit:read", async (req, { org }) => {
  const { format, ...filters } = readQuery(req, exportQuery);
  return new Response(exportAuditEvents(db(), org.id, filters, format), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${org.slug}-audit.${format}"`,
      "Cache-Control": "no-store",
    },
  });
});
