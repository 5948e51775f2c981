import Link from "next/link";
import { formatDuration } from "@/lib/deploy/timeline";
import type { HistoryRow } from "@/server/deploy/queries";
import { StatusBadge } from "./status-badge";
import { ScrollX } from "@/components/ui/scroll-x";

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** A stage's deployments, newest first: who, when, which revision, how it ended and how long it took. */
export function DeploymentHistory({ stageName, rows, base }: { stageName: string; rows: HistoryRow[]; base: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No deployments yet.</p>;
  return (
    <ScrollX>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Deployment history of {stageName}</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 font-medium">When</th>
            <th scope="col" className="py-1 font-medium">Who</th>
            <th scope="col" className="py-1 font-medium">What</th>
            <th scope="col" className="py-1 font-medium">Status</th>
            <th scope="col" className="py-1 font-medium">Duration</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="py-1">
                <Link className="text-indigo-700 hover:underline" href={`${base}/deployments/${r.id}`}>
                  <time dateTime={r.createdAt.toISOString()}>{when(r.createdAt)}</time>
                </Link>
              </td>
              <td className="py-1">{r.startedBy ?? "someone removed"}</td>
              <td className="py-1">{r.operation === "destroy" ? "delete stack" : `revision ${r.revision}`}</td>
              <td className="py-1">
                <StatusBadge status={r.status} />
              </td>
              <td className="py-1 tabular-nums">{r.finishedAt ? formatDuration(r.finishedAt.getTime() - r.createdAt.getTime()) : "in flight"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
