import "server-only";
import type { Db } from "@/server/db/types";
import type { Prisma } from "@/server/db/generated/client";

export interface AuditEntry {
  targetType: string;
  targetId?: string | null;
  /** Small summaries of what changed, never secrets. */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

export async function recordAudit(
  client: Db,
  e: AuditEntry & { organizationId: string; actor: { id: string | null; email: string }; action: string; apiTokenId?: string },
): Promise<void> {
  await client.auditEvent.create({
    data: {
      organizationId: e.organizationId,
      actorId: e.actor.id,
      actorEmail: e.actor.email,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId ?? null,
      before: e.before ?? undefined,
      after: e.after ?? undefined,
      apiTokenId: e.apiTokenId ?? null,
    },
  });
}
