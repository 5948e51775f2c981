import "server-only";
import type { Db } from "@/server/db/types";
import { storedCanvasPositions } from "@/lib/canvas/positions";

export interface StackSummary {
  id: string;
  name: string;
  updatedAt: Date;
  latestRevision: number | null;
  stageCount: number;
}

export async function listStacks(client: Db, organizationId: string): Promise<StackSummary[]> {
  const rows = await client.stack.findMany({
    where: { organizationId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      updatedAt: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
      _count: { select: { stages: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    updatedAt: r.updatedAt,
    latestRevision: r.revisions[0]?.number ?? null,
    stageCount: r._count.stages,
  }));
}

/** Scoped to the organization: an id from elsewhere is simply not found. */
export async function findStack(client: Db, organizationId: string, stackId: string) {
  return client.stack.findFirst({ where: { id: stackId, organizationId } });
}

export async function findStackByName(client: Db, organizationId: string, name: string) {
  return client.stack.findFirst({
    where: { organizationId, name },
    include: { revisions: { orderBy: { number: "desc" }, take: 20, select: { id: true, number: true, message: true, createdAt: true, authorId: true } } },
  });
}

export async function latestRevision(client: Db, stackId: string) {
  return client.stackRevision.findFirst({ where: { stackId }, orderBy: { number: "desc" } });
}

/** What the editor opens: the stack's latest revision, with its handler code. */
export async function editorRevision(client: Db, organizationId: string, name: string) {
  const stack = await client.stack.findFirst({
    where: { organizationId, name },
    select: { id: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, yaml: true, code: true, canvasPositions: true } } },
  });
  if (!stack) return null;
  const latest = stack.revisions[0];
  return {
    stackId: stack.id,
    revision: latest
      ? { id: latest.id, number: latest.number, yaml: latest.yaml, code: latest.code as Record<string, string>, canvasPositions: storedCanvasPositions(latest.canvasPositions) }
      : { id: null, number: 0, yaml: "resources: {}\n", code: {}, canvasPositions: {} },
  };
}
