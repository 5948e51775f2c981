import "server-only";
import type { Db } from "@/server/db/types";
import type { DriftResults } from "./check-stage";
import { withoutEnvironmentValues } from "./environment-values";
import type { DriftStatus } from "./types";

// What the drift view reads: each stage of a stack with its latest check and the revision it runs.

export interface StageDrift {
  id: string;
  name: string;
  region: string;
  intervalHours: number | null;
  /** The revision the stage's last successful deploy ran: what Reconcile deploys again. */
  deployedRevision: { id: string; number: number } | null;
  latest: {
    id: string;
    status: DriftStatus;
    at: Date;
    /** The person's email; null when the schedule started it. */
    startedBy: string | null;
    error: string | null;
    results: DriftResults;
  } | null;
}

/** `revealEnvironment`: whether the person may see live environment values (environment-values.ts). */
export async function stageDrifts(client: Db, stackId: string, { revealEnvironment }: { revealEnvironment: boolean }): Promise<StageDrift[]> {
  const stages = await client.stage.findMany({
    where: { stackId },
    orderBy: { createdAt: "asc" },
    include: {
      driftChecks: { orderBy: { createdAt: "desc" }, take: 1 },
      deployments: {
        where: { status: { in: ["succeeded", "no_changes"] } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { operation: true, revision: { select: { id: true, number: true } } },
      },
    },
  });
  const starters = [...new Set(stages.flatMap((s) => s.driftChecks.map((c) => c.startedById)).filter((id): id is string => id !== null))];
  const users = starters.length ? await client.user.findMany({ where: { id: { in: starters } }, select: { id: true, email: true } }) : [];
  const email = new Map(users.map((u) => [u.id, u.email]));
  return stages.map((s) => {
    const check = s.driftChecks[0];
    const last = s.deployments[0];
    return {
      id: s.id,
      name: s.name,
      region: s.region,
      intervalHours: s.driftCheckIntervalHours,
      deployedRevision: last && last.operation === "deploy" ? last.revision : null,
      latest: check
        ? {
            id: check.id,
            status: check.status,
            at: check.createdAt,
            startedBy: check.startedById ? (email.get(check.startedById) ?? "a former member") : null,
            error: check.error,
            results: revealEnvironment ? (check.results as unknown as DriftResults) : withoutEnvironmentValues(check.results as unknown as DriftResults),
          }
        : null,
    };
  });
}
