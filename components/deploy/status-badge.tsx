import type { DeploymentStatus } from "@/lib/deploy/status";

const TONE: Record<DeploymentStatus, string> = {
  queued: "bg-slate-100 text-slate-700",
  packaging: "bg-indigo-50 text-indigo-800",
  uploading: "bg-indigo-50 text-indigo-800",
  creating_change_set: "bg-indigo-50 text-indigo-800",
  awaiting_approval: "bg-amber-50 text-amber-900",
  executing: "bg-indigo-50 text-indigo-800",
  succeeded: "bg-green-50 text-green-800",
  no_changes: "bg-slate-100 text-slate-700",
  failed: "bg-red-50 text-red-800",
  rolled_back: "bg-red-50 text-red-800",
  cancelled: "bg-slate-100 text-slate-700",
};

/** "no changes", "rolled back": the status as people read it. */
export function statusLabel(status: DeploymentStatus): string {
  return status.replace(/_/g, " ");
}

export function StatusBadge({ status }: { status: DeploymentStatus }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[status]}`}>{statusLabel(status)}</span>;
}
