import type { ChangeSetSummary } from "@/server/deploy/change-set";

const ACTION_LABEL = { add: "Add", modify: "Modify", remove: "Remove", import: "Import", dynamic: "Dynamic" } as const;
const REPLACEMENT_LABEL = { yes: "replaced", no: "in place", conditional: "maybe replaced" } as const;

/** The change set CloudFormation made for the deploy: per resource add / modify / remove, and replacement. */
export function ChangeSetTable({ changeSet }: { changeSet: ChangeSetSummary }) {
  const { counts } = changeSet;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">
        {changeSet.type === "CREATE" ? "Creates the stack: " : "Updates the stack: "}
        {counts.add} to add, {counts.modify} to modify, {counts.remove} to remove
        {counts.replace > 0 ? `, ${counts.replace} replaced` : ""}.
      </p>
      {changeSet.changes.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Change set</caption>
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">Action</th>
              <th scope="col" className="py-1 font-medium">Resource</th>
              <th scope="col" className="py-1 font-medium">Type</th>
              <th scope="col" className="py-1 font-medium">Replacement</th>
              <th scope="col" className="py-1 font-medium">Changes</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {changeSet.changes.map((c) => (
              <tr key={c.logicalId}>
                <td className="py-1">{ACTION_LABEL[c.action]}</td>
                <th scope="row" className="py-1 font-mono text-xs font-normal">{c.logicalId}</th>
                <td className="py-1 font-mono text-xs">{c.resourceType}</td>
                <td className="py-1">{c.replacement ? REPLACEMENT_LABEL[c.replacement] : ""}</td>
                <td className="py-1 font-mono text-xs">{c.changed.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
