import { db } from "@/server/db/client";
import { orgRoute } from "@/server/auth/org-route";
import { auditQuerySchema, listAuditEvents } from "@/server/audit/queries";
import { jsonError } from "@/server/http/json-error";

export const GET = orgRoute("audit:read", async (req, { org }) => {
  const query = auditQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0];
    return jsonError(400, `${issue.path.join(".")}: ${issue.message}`);
  }
  return Response.json(await listAuditEvents(db(), org.id, query.data));
});
