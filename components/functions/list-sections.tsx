import type { Bounded, EventSourceMapping, FunctionAlias, FunctionVersion, ProvisionedConcurrency } from "@/lib/functions/types";
import { formatShare } from "@/lib/functions/format";
import { CappedNote } from "./live-section";
import { ScrollX } from "@/components/ui/scroll-x";

const th = "pr-4 font-medium";

export function ProvisionedList({ list }: { list: Bounded<ProvisionedConcurrency> }) {
  if (list.items.length === 0) return <p className="text-sm text-slate-600">No provisioned concurrency.</p>;
  return (
    <>
      <ul className="text-sm">
        {list.items.map((p) => (
          <li key={p.qualifier}>
            <span className="font-mono">{p.qualifier}</span>: {p.allocated ?? 0} of {p.requested ?? 0} allocated ({p.status ?? "unknown"}
            {p.statusReason ? `: ${p.statusReason}` : ""})
          </li>
        ))}
      </ul>
      <CappedNote capped={list.capped} what={`${list.items.length} configurations`} />
    </>
  );
}

export function VersionsTable({ list }: { list: Bounded<FunctionVersion> }) {
  return (
    <>
      <ScrollX>
        <table aria-label="Versions" className="text-left text-sm">
          <thead>
            <tr className="text-slate-600">
              <th className={th}>Version</th>
              <th className={th}>Description</th>
              <th className={th}>Code SHA-256</th>
              <th className={th}>Last modified</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((v) => (
              <tr key={v.version}>
                <td className="pr-4 font-mono">{v.version}</td>
                <td className="pr-4">{v.description}</td>
                <td className="break-all pr-4 font-mono text-xs">{v.codeSha256}</td>
                <td className="pr-4">{v.lastModified}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      <CappedNote capped={list.capped} what={`${list.items.length} versions`} />
    </>
  );
}

export function AliasesList({ list }: { list: Bounded<FunctionAlias> }) {
  if (list.items.length === 0) return <p className="text-sm text-slate-600">No aliases.</p>;
  return (
    <>
      <ul aria-label="Aliases" className="text-sm">
        {list.items.map((a) => {
          const others = a.additionalWeights.reduce((sum, w) => sum + w.weight, 0);
          return (
            <li key={a.name}>
              <span className="font-mono font-medium">{a.name}</span> → version {a.version}
              {a.additionalWeights.length ? ` (${formatShare(1 - others)}), ${a.additionalWeights.map((w) => `version ${w.version} (${formatShare(w.weight)})`).join(", ")}` : ""}
              {a.description ? <span className="text-slate-600">: {a.description}</span> : null}
            </li>
          );
        })}
      </ul>
      <CappedNote capped={list.capped} what={`${list.items.length} aliases`} />
    </>
  );
}

export function MappingsTable({ list }: { list: Bounded<EventSourceMapping> }) {
  if (list.items.length === 0) return <p className="text-sm text-slate-600">No event source mappings.</p>;
  return (
    <>
      <ScrollX>
        <table aria-label="Event source mappings" className="text-left text-sm">
          <thead>
            <tr className="text-slate-600">
              <th className={th}>Source</th>
              <th className={th}>State</th>
              <th className={th}>Last result</th>
              <th className={th}>Batch size</th>
              <th className={th}>Last modified</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((m) => (
              <tr key={m.uuid}>
                <td className="break-all pr-4 font-mono text-xs">{m.eventSourceArn}</td>
                <td className="pr-4">
                  {m.state}
                  {m.stateTransitionReason ? <span className="text-slate-600"> ({m.stateTransitionReason})</span> : null}
                </td>
                <td className="pr-4">{m.lastProcessingResult}</td>
                <td className="pr-4">{m.batchSize}</td>
                <td className="pr-4">{m.lastModified}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      <CappedNote capped={list.capped} what={`${list.items.length} mappings`} />
    </>
  );
}
