import "server-only";
import type { Db } from "@/server/db/types";
import { notFound } from "@/server/auth/errors";
import { streamedEvent } from "@/server/deploy/sse";

// Deployment status and timeline for the REST API, scoped to the token's organization.

const EVENTS_PAGE = 500;

export async function apiDeployment(client: Db, organizationId: string, deploymentId: string) {
  const d = await client.deployment.findFirst({
    where: { id: deploymentId, stage: { stack: { organizationId } } },
    select: {
      id: true,
      status: true,
      operation: true,
      error: true,
      changeSet: true,
      outputs: true,
      cfnStackName: true,
      createdAt: true,
      finishedAt: true,
      stage: { select: { name: true, region: true, stack: { select: { name: true } } } },
      revision: { select: { number: true } },
    },
  });
  if (!d) throw notFound(`No deployment ${deploymentId} in this organization.`);
  return {
    id: d.id,
    stack: d.stage.stack.name,
    stage: d.stage.name,
    region: d.stage.region,
    revision: d.revision.number,
    operation: d.operation,
    status: d.status,
    error: d.error,
    changeSet: d.changeSet,
    outputs: d.outputs,
    cloudFormationStackName: d.cfnStackName,
    createdAt: d.createdAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
  };
}

/** Up to one page of events after `after` (an event id), oldest first; `next` is the cursor to ask with. */
export async function apiDeploymentEvents(client: Db, deploymentId: string, after: bigint) {
  const rows = await client.deploymentEvent.findMany({ where: { deploymentId, id: { gt: after } }, orderBy: { id: "asc" }, take: EVENTS_PAGE });
  const events = rows.map(streamedEvent);
  return { events, next: events.at(-1)?.id ?? after.toString(), more: rows.length === EVENTS_PAGE };
}
