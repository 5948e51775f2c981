import { db } from "@/server/db/client";
import { apiRoute } from "@/server/api/api-route";
import { apiStackDetail } from "@/server/api/stacks";
import { percentDecoded } from "@/server/http/percent-decode";

export const dynamic = "force-dynamic";

/** GET /api/v1/stacks/{stack}: the stack, its latest revision number and its stages. */
export const GET = apiRoute<{ stack: string }>({ scope: "read", permission: "stack:read", doing: "reading a stack" }, async (_req, caller, { stack }) =>
  Response.json(await apiStackDetail(db(), caller.org.id, percentDecoded(stack))),
);
