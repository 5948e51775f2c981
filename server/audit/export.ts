import "server-only";
import type { Db } from "@/server/db/types";
import { auditWhere, type AuditQuery } from "./queries";

export type ExportFormat = "csv" | "json";
const BATCH = 1000;
const COLUMNS = ["at", "actorEmail", "action", "targetType", "targetId", "before", "after", "apiTokenId"] as const;

/** RFC 4180 field quoting; JSON summaries are embedded as text. */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Streams every matching audit event, oldest first, in keyset-paged batches so a large trail never
 * sits in memory at once.
 */
export function exportAuditEvents(client: Db, organizationId: string, q: Pick<AuditQuery, "actor" | "action">, format: ExportFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const where = auditWhere(organizationId, q);
  let cursor: bigint | null = null;
  let first = true;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? `${COLUMNS.join(",")}\r\n` : "["));
    },
    async pull(controller) {
      const rows = await client.auditEvent.findMany({
        where: { ...where, ...(cursor !== null ? { id: { gt: cursor } } : {}) },
        orderBy: { id: "asc" },
        take: BATCH,
      });
      for (const r of rows) {
        const record = { at: r.at.toISOString(), actorEmail: r.actorEmail, action: r.action, targetType: r.targetType, targetId: r.targetId, before: r.before, after: r.after, apiTokenId: r.apiTokenId };
        const line = format === "csv" ? `${COLUMNS.map((c) => csvField(record[c])).join(",")}\r\n` : `${first ? "" : ","}\n${JSON.stringify(record)}`;
        first = false;
        controller.enqueue(encoder.encode(line));
      }
      if (rows.length < BATCH) {
        if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
        controller.close();
      } else {
        cursor = rows[rows.length - 1].id;
      }
    },
  });
}
