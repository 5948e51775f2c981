import { db } from "@/server/db/client";
import { apiRoute } from "@/server/api/api-route";
import { apiStackList } from "@/server/api/stacks";

export const dynamic = "force-dynamic";

/** GET /api/v1/stacks: the token's organization's stacks. */
export const GET = apiRoute({ scope: "read", permission: "stack:read", doing: "listing stacks" }, async (_req, caller) =>
  Response.json({ stacks: await apiStackList(db(), caller.org.id) }),
);
