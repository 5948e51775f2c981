import "server-only";
import type { Db } from "@/server/db/types";

export interface RevisionEntry {
  number: number;
  message: string | null;
  authorEmail: string | null;
  createdAt: Date;
}

/** Every revision of a stack in the organization, newest first, with its author's email. */
export async function listRevisions(client: Db, organizationId: string, stackId: string): Promise<RevisionEntry[]> {
  const rows = await client.stackRevision.findMany({
    where: { stack: { id: stackId, organizationId } },
    orderBy: { number: "desc" },
    select: { number: true, message: true, authorId: true, createdAt: true },
  });
  const authorIds = [...new Set(rows.map((r) => r.authorId).filter((id): id is string => id !== null))];
  const authors = await client.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, email: true } });
  const emailOf = new Map(authors.map((a) => [a.id, a.email]));
  return rows.map((r) => ({ number: r.number, message: r.message, authorEmail: r.authorId ? (emailOf.get(r.authorId) ?? null) : null, createdAt: r.createdAt }));
}
