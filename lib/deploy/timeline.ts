// The live deployment timeline as the browser folds it: events merged by id (a reconnect's replay
// or a duplicate delivery changes nothing), one row per resource, the overall progress. Pure.
import { firstFailure, STACK_RESOURCE_TYPE } from "./failure";
import { nestedStackOf } from "./nested-stack";
import { isTerminal, type DeploymentOperation, type DeploymentStatus } from "./status";

/** One stored event as the SSE stream sends it (server/deploy/stream.ts). */
export interface StreamedEvent {
  id: string;
  at: string;
  kind: string;
  logicalId: string | null;
  resourceType: string | null;
  status: string | null;
  reason: string | null;
  data: unknown;
}

/** Events in id order, each once, whatever order and how often they arrived. */
export function mergeEvents(known: readonly StreamedEvent[], incoming: readonly StreamedEvent[]): StreamedEvent[] {
  const byId = new Map<string, StreamedEvent>();
  for (const e of known) byId.set(e.id, e);
  let changed = false;
  for (const e of incoming) {
    if (byId.has(e.id)) continue;
    byId.set(e.id, e);
    changed = true;
  }
  if (!changed) return known as StreamedEvent[];
  return [...byId.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
}

export interface ResourceRow {
  /** Unique among the rows: a nested stack's resource may share its logical id with one elsewhere. */
  key: string;
  logicalId: string;
  /** The nested stack (its logical id in the root) the resource is in; null for the root's own. */
  nestedStack: string | null;
  resourceType: string;
  status: string;
  /** The newest reason CloudFormation gave for this resource. */
  reason: string | null;
  startedAt: string;
  /** Set once the resource's latest status is final (…_COMPLETE, …_FAILED, …_SKIPPED). */
  endedAt: string | null;
  isStack: boolean;
}

const SETTLED = /_(COMPLETE|FAILED|SKIPPED)$/;

/** A row per resource, in the order CloudFormation first touched them; the root stack's own row first. */
export function resourceRows(events: readonly StreamedEvent[]): ResourceRow[] {
  const rows = new Map<string, ResourceRow>();
  for (const e of events) {
    if (e.kind !== "resource" || !e.logicalId || !e.status) continue;
    const nestedStack = nestedStackOf(e.data);
    const key = nestedStack ? `${nestedStack}/${e.logicalId}` : e.logicalId;
    const row = rows.get(key);
    const settled = SETTLED.test(e.status);
    if (!row) {
      rows.set(key, {
        key,
        logicalId: e.logicalId,
        nestedStack,
        resourceType: e.resourceType ?? "",
        status: e.status,
        reason: e.reason || null,
        startedAt: e.at,
        endedAt: settled ? e.at : null,
        isStack: e.resourceType === STACK_RESOURCE_TYPE,
      });
      continue;
    }
    row.status = e.status;
    row.reason = e.reason || row.reason;
    row.endedAt = settled ? e.at : null;
  }
  const rootFirst = (r: ResourceRow) => Number(r.isStack && r.nestedStack === null);
  return [...rows.values()].sort((a, b) => rootFirst(b) - rootFirst(a));
}

/** Milliseconds from a row's first event to its last settled one, or to `now` while it is in progress. */
export function rowDuration(row: ResourceRow, now: number): number {
  return Math.max(0, (row.endedAt ? Date.parse(row.endedAt) : now) - Date.parse(row.startedAt));
}

/** The first resource that failed in this deployment (its row status may since have moved on to the rollback). */
export function failingResource(events: readonly StreamedEvent[]): StreamedEvent | undefined {
  return firstFailure(events.filter((e) => e.kind === "resource"));
}

export function isRollingBack(events: readonly StreamedEvent[]): boolean {
  return events.some((e) => e.kind === "resource" && e.resourceType === STACK_RESOURCE_TYPE && /ROLLBACK/.test(e.status ?? ""));
}

// Where each pipeline status sits on the bar; executing fills the rest as resources settle.
const PHASE: Record<DeploymentStatus, number> = {
  queued: 0.02,
  packaging: 0.1,
  uploading: 0.2,
  creating_change_set: 0.3,
  awaiting_approval: 0.35,
  executing: 0.4,
  succeeded: 1,
  no_changes: 1,
  failed: 1,
  rolled_back: 1,
  cancelled: 1,
};

/**
 * 0..1. While executing, the share of the change set's resources that have settled (for a stack
 * deletion, of the resources seen so far): CloudFormation does not say how much is left otherwise.
 */
export function progress(state: { status: DeploymentStatus; operation: DeploymentOperation; changedResources: number | null }, rows: readonly ResourceRow[]): number {
  if (isTerminal(state.status)) return 1;
  const start = state.operation === "destroy" && state.status === "executing" ? 0.1 : PHASE[state.status];
  if (state.status !== "executing") return start;
  const resources = rows.filter((r) => !r.isStack);
  const total = state.operation === "destroy" ? resources.length : (state.changedResources ?? 0);
  if (total === 0) return start;
  const settled = resources.filter((r) => r.endedAt !== null).length;
  return start + (1 - start) * Math.min(1, settled / total) * 0.95;
}

/** "4.2 s", "1 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** The raw error text a pipeline event carries for its "Details" toggle (data.details), if any. */
export function detailsOf(data: unknown): string | null {
  const details = typeof data === "object" && data !== null ? (data as { details?: unknown }).details : undefined;
  return typeof details === "string" && details !== "" ? details : null;
}
