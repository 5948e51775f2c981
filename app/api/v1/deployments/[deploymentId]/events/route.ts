import { db } from "@/server/db/client";
import { apiRoute } from "@/server/api/api-route";
import { apiDeployment, apiDeploymentEvents } from "@/server/api/deployments";
import { deploymentEventStream } from "@/server/deploy/stream";
import { resumeAfter } from "@/server/deploy/sse";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/deployments/{id}/events[?after=<event id>]: the timeline as JSON pages, or, with
 * `Accept: text/event-stream`, live as Server-Sent Events (resuming after Last-Event-ID) that end
 * with an "end" event once the deployment has ended.
 */
export const GET = apiRoute<{ deploymentId: string }>({ scope: "read", permission: "stack:read", doing: "reading a deployment's events" }, async (req, caller, { deploymentId }) => {
  const deployment = await apiDeployment(db(), caller.org.id, deploymentId);
  if ((req.headers.get("accept") ?? "").includes("text/event-stream")) return deploymentEventStream(db(), deployment.id, req);
  return Response.json({ deployment: { id: deployment.id, status: deployment.status }, ...(await apiDeploymentEvents(db(), deployment.id, resumeAfter(req))) });
});
