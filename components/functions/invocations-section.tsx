import type { RecentInvocations } from "@/lib/functions/types";
import { formatShare } from "@/lib/functions/format";
import { formatValue } from "@/lib/metrics/summary";
import { Facts } from "./live-section";
import { ScrollX } from "@/components/ui/scroll-x";

const time = (t: number) => new Date(t).toISOString().slice(11, 23);

export function InvocationsTable({ recent }: { recent: RecentInvocations }) {
  if (recent.noLogGroup) return <p className="text-sm text-slate-600">No log group yet: the function has not been invoked.</p>;
  return (
    <div className="flex flex-col gap-2">
      <Facts
        label="Last hour"
        rows={[
          ["Invocations", String(recent.count)],
          ["Errors", recent.errorRate === null ? "0" : `${recent.errors} (${formatShare(recent.errorRate)})`],
          ["Cold starts", String(recent.coldStarts)],
        ]}
      />
      {recent.capped ? (
        <p className="text-xs text-slate-600">
          The hour has more log lines than are read here: the numbers cover it up to {new Date(recent.readUntil).toISOString().slice(11, 19)} UTC.
        </p>
      ) : null}
      {recent.invocations.length === 0 ? (
        <p className="text-sm text-slate-600">No invocations in the last hour.</p>
      ) : (
        <ScrollX>
          <table aria-label="Recent invocations" className="text-left text-sm">
            <thead>
              <tr className="text-slate-600">
                <th className="pr-4 font-medium">Time (UTC)</th>
                <th className="pr-4 font-medium">Request id</th>
                <th className="pr-4 font-medium">Duration</th>
                <th className="pr-4 font-medium">Billed</th>
                <th className="pr-4 font-medium">Memory used</th>
                <th className="pr-4 font-medium">Cold start</th>
                <th className="pr-4 font-medium">Result</th>
              </tr>
            </thead>
            <tbody>
              {recent.invocations.map((i) => (
                <tr key={`${i.requestId}-${i.timestamp}`}>
                  <td className="pr-4 font-mono text-xs">{time(i.timestamp)}</td>
                  <td className="pr-4 font-mono text-xs">{i.requestId}</td>
                  <td className="pr-4">{formatValue(i.durationMs, "ms")}</td>
                  <td className="pr-4">{formatValue(i.billedDurationMs, "ms")}</td>
                  <td className="pr-4">
                    {i.maxMemoryUsedMb} / {i.memorySizeMb} MB
                  </td>
                  <td className="pr-4">{i.initDurationMs === null ? "no" : `yes (init ${formatValue(i.initDurationMs, "ms")})`}</td>
                  <td className={`pr-4 ${i.failed ? "text-red-700" : ""}`}>{i.failed ? "error" : "ok"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </div>
  );
}
