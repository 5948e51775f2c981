import { formatMonthlyDelta } from "@/lib/cost";
import { placeCosts, type LocatedCostDifference } from "@/lib/deploy/change-set-costs";
import type { ChangeSetSummary } from "@/server/deploy/change-set";
import { costBasis } from "./deployment-cost";
import { ScrollX } from "@/components/ui/scroll-x";

const ACTION_LABEL = { add: "Add", modify: "Modify", remove: "Remove", import: "Import", dynamic: "Dynamic" } as const;
const REPLACEMENT_LABEL = { yes: "replaced", no: "in place", conditional: "maybe replaced" } as const;

/**
 * The change set CloudFormation made for the deploy: per resource add / modify / remove, and
 * replacement, with the monthly cost difference next to the resource it belongs to and in total.
 */
export function ChangeSetTable({ changeSet, cost }: { changeSet: ChangeSetSummary; cost: LocatedCostDifference }) {
  const { counts } = changeSet;
  const placed = cost.ok ? placeCosts(changeSet.changes, cost.resources) : null;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">
        {changeSet.type === "CREATE" ? "Creates the stack: " : "Updates the stack: "}
        {counts.add} to add, {counts.modify} to modify, {counts.remove} to remove
        {counts.replace > 0 ? `, ${counts.replace} replaced` : ""}.
      </p>
      <p className="text-xs text-slate-500">{costBasis(cost)}</p>
      {changeSet.changes.length > 0 ? (
        <ScrollX>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Change set</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 font-medium">Action</th>
                <th scope="col" className="py-1 font-medium">Resource</th>
                {placed ? <th scope="col" className="py-1 text-right font-medium">Cost difference</th> : null}
                <th scope="col" className="py-1 pl-3 font-medium">Type</th>
                <th scope="col" className="py-1 font-medium">Replacement</th>
                <th scope="col" className="py-1 font-medium">Changes</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {changeSet.changes.map((c) => {
                const delta = placed?.byLogicalId.get(c.logicalId);
                return (
                  <tr key={c.logicalId}>
                    <td className="py-1">{ACTION_LABEL[c.action]}</td>
                    <th scope="row" className="py-1 font-mono text-xs font-normal">{c.logicalId}</th>
                    {placed ? <td className="py-1 text-right tabular-nums">{delta === undefined ? "" : formatMonthlyDelta(delta)}</td> : null}
                    <td className="py-1 pl-3 font-mono text-xs">{c.resourceType}</td>
                    <td className="py-1">{c.replacement ? REPLACEMENT_LABEL[c.replacement] : ""}</td>
                    <td className="py-1 font-mono text-xs">
                      {c.values ? (
                        <ul>
                          {c.values.map((v) => (
                            <li key={v.path}>
                              {v.path}: {v.before ?? "(none)"} → {v.after ?? "(none)"}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        c.changed.join(", ")
                      )}
                    </td>
                  </tr>
                );
              })}
              {placed?.elsewhere.map((r) => (
                <tr key={`${r.kind}:${r.resource}`}>
                  <td className="py-1 text-slate-500">Cost only</td>
                  <th scope="row" className="py-1 font-mono text-xs font-normal">{r.resource}</th>
                  <td className="py-1 text-right tabular-nums">{formatMonthlyDelta(r.delta)}</td>
                  <td className="py-1 pl-3 font-mono text-xs">{r.type}</td>
                  <td colSpan={2} />
                </tr>
              ))}
            </tbody>
            {cost.ok ? (
              <tfoot className="border-t border-slate-300 font-medium">
                <tr>
                  <td />
                  <th scope="row" className="py-1 text-left">Total</th>
                  <td className="py-1 text-right tabular-nums">{formatMonthlyDelta(cost.delta)}</td>
                  <td colSpan={3} />
                </tr>
              </tfoot>
            ) : null}
          </table>
        </ScrollX>
      ) : null}
    </div>
  );
}
