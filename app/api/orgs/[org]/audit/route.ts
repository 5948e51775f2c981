import { db } from "@/server/db/client";
import { orgRoute } from "@/server/auth/org-route";
import { auditQuerySchema, listAuditEvents } from "@/server/audit/queries";

export const GET = orgRoute("audit:read", async (req, { org }) => {
  const query = auditQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0];
    return Response.json({ error: `${issue.path.join(".")}: ${issue.message}` }, { status: 400 });
  }
  return Response.json(await listAuditEvents(db(), org.id, query.data));
});
