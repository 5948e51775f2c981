import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db/types";

export const auditQuerySchema = z.object({
  // Bounded: the database skips (page - 1) x pageSize rows to reach a page.
  page: z.coerce.number("must be a whole number").int("must be a whole number").min(1, "must be 1 or more").max(100_000, "must be at most 100,000").default(1),
  pageSize: z.coerce.number("must be a whole number").int("must be a whole number").min(1, "must be 1 or more").max(200, "must be at most 200").default(50),
  actor: z.string().trim().max(320, "must be at most 320 characters").optional(),
  action: z.string().trim().max(100, "must be at most 100 characters").optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditRow {
  id: string;
  at: string;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  /** The API token the change came through, when it came through the REST API. */
  apiTokenId: string | null;
}

/** Prisma hands `contains`/`startsWith` to LIKE unescaped: a typed "%" or "_" would be a wildcard, "%" matching every actor. */
const literal = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** The filter the audit page and the export share: actor email contains (any case), action starts with, both literally. */
export function auditWhere(organizationId: string, q: Pick<AuditQuery, "actor" | "action">) {
  return {
    organizationId,
    ...(q.actor ? { actorEmail: { contains: literal(q.actor), mode: "insensitive" as const } } : {}),
    ...(q.action ? { action: { startsWith: literal(q.action) } } : {}),
  };
}

export async function listAuditEvents(client: Db, organizationId: string, q: AuditQuery) {
  const where = auditWhere(organizationId, q);
  const [rows, total] = await Promise.all([
    client.auditEvent.findMany({ where, orderBy: { id: "desc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    client.auditEvent.count({ where }),
  ]);
  const items: AuditRow[] = rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorEmail: r.actorEmail,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    before: r.before,
    after: r.after,
    apiTokenId: r.apiTokenId,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function distinctAuditActions(client: Db, organizationId: string): Promise<string[]> {
  const rows = await client.auditEvent.findMany({ where: { organizationId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
