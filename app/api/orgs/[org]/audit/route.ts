import { db } from "@/server/db/client";
import { orgRoute } from "@/server/auth/org-route";
import { auditQuerySchema, listAuditEvents } from "@/server/audit/queries";
import { readQuery } from "@/server/http/query";

export const GET = orgRoute("audit:read", async (req, { org }) => {
  return Response.json(await listAuditEvents(db(), org.id, readQuery(req, auditQuerySchema)));
});
