import { db } from "@/server/db/client";
import { apiRoute } from "@/server/api/api-route";
import { apiDeployment } from "@/server/api/deployments";

export const dynamic = "force-dynamic";

/** GET /api/v1/deployments/{id}: status, error, change set summary and outputs. */
export const GET = apiRoute<{ deploymentId: string }>({ scope: "read", permission: "stack:read", doing: "reading a deployment" }, async (_req, caller, { deploymentId }) =>
  Response.json(await apiDeployment(db(), caller.org.id, deploymentId)),
);
