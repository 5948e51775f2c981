// Server-Sent Events framing for the deployment timeline. Pure.
import type { StreamedEvent } from "@/lib/deploy/timeline";

/** A stored DeploymentEvent as the stream (and the page's first render) sends it. */
export function streamedEvent(e: {
  id: bigint;
  at: Date;
  kind: string;
  logicalId: string | null;
  resourceType: string | null;
  status: string | null;
  reason: string | null;
  data: unknown;
}): StreamedEvent {
  return { id: e.id.toString(), at: e.at.toISOString(), kind: e.kind, logicalId: e.logicalId, resourceType: e.resourceType, status: e.status, reason: e.reason, data: e.data };
}

/** One SSE message. `id` becomes the browser's Last-Event-ID, so a reconnect resumes after it. */
export function sseMessage(message: { id?: string; event?: string; data: unknown }): string {
  const lines: string[] = [];
  if (message.id !== undefined) lines.push(`id: ${message.id}`);
  if (message.event !== undefined) lines.push(`event: ${message.event}`);
  // JSON has no raw newlines, so the data is always one line.
  lines.push(`data: ${JSON.stringify(message.data)}`);
  return `${lines.join("\n")}\n\n`;
}

/** Tells the browser how long to wait before reconnecting once this stream ends (a process stopping: another one answers). */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

/** The event id to resume after: the Last-Event-ID header (reconnects) or ?after= (first connection), else from the start. */
export function resumeAfter(req: Request): bigint {
  const raw = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("after") ?? "";
  return /^\d{1,19}$/.test(raw.trim()) ? BigInt(raw.trim()) : BigInt(0);
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
};
