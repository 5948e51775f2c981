"use client";
import { memo, useId, useState, type ReactNode } from "react";
import type { Diagnostic } from "@/lib/stack";
import type { StackPreview } from "@/server/stacks/preview";
import { LazyCodeMirror } from "./lazy";
import { ScrollX } from "@/components/ui/scroll-x";
import { TabList } from "../tab-list";

export interface PreviewTab {
  id: string;
  label: string;
  content: ReactNode;
}

function downloadJson(file: string, value: unknown) {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function DiagnosticsList({ diagnostics, onJump }: { diagnostics: readonly Diagnostic[]; onJump: (d: Diagnostic) => void }) {
  if (diagnostics.length === 0) return <p className="p-2 text-sm text-green-800">No problems found.</p>;
  return (
    <ul className="divide-y divide-slate-200 text-sm" aria-label="Diagnostics">
      {diagnostics.map((d, i) => (
        <li key={i}>
          <button type="button" className="flex w-full gap-2 px-2 py-1 text-left hover:bg-slate-50" onClick={() => onJump(d)}>
            <span className={d.severity === "error" ? "font-semibold text-red-700" : "font-semibold text-amber-800"}>{d.severity}</span>
            <span className="font-mono text-xs text-slate-600">{d.line !== undefined ? `line ${d.line}` : d.path.join(".") || "(template)"}</span>
            <span className="flex-1">
              <span className="font-mono text-xs">{d.path.join(".")}</span> {d.message}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function ResourceCount({ preview }: { preview: StackPreview | null }) {
  if (!preview?.template) return <p className="p-2 text-sm text-slate-600">The definition does not render yet: see Diagnostics.</p>;
  const byType = new Map<string, number>();
  for (const r of Object.values(preview.template.Resources)) byType.set(r.Type, (byType.get(r.Type) ?? 0) + 1);
  const share = Math.min(100, (preview.resourceCount / preview.resourceLimit) * 100);
  return (
    <div className="flex flex-col gap-2 p-2 text-sm">
      <p>
        <strong data-testid="resource-count">{preview.resourceCount}</strong> of {preview.resourceLimit} CloudFormation resources per template
        {preview.resourceCount > preview.resourceLimit ? " (past the limit: the deploy splits the stack into nested stacks)" : ""}
      </p>
      <meter min={0} max={preview.resourceLimit} value={preview.resourceCount} aria-label="Resources against the 500 limit" className="w-full">
        {share.toFixed(0)}%
      </meter>
      <ScrollX>
        <table className="text-xs">
          <caption className="sr-only">Resources by type</caption>
          <thead>
            <tr>
              <th className="text-left">Type</th>
              <th className="text-right">Count</th>
            </tr>
          </thead>
          <tbody>
            {[...byType].sort().map(([type, n]) => (
              <tr key={type}>
                <td className="font-mono">{type}</td>
                <td className="text-right">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </div>
  );
}

/**
 * Template, diagnostics and resource count as tabs; more tabs (a cost estimate) can be passed in.
 * Memoized: the template and the diagnostics list re-render when they change, not per keystroke.
 */
export const PreviewPanel = memo(function PreviewPanel({ preview, diagnostics, summary, updating, onJump, extraTabs = [] }: {
  preview: StackPreview | null;
  diagnostics: readonly Diagnostic[];
  /** How many problems `diagnostics` holds, worded as the save status words it (problemSummary). */
  summary: string;
  updating: boolean;
  onJump: (d: Diagnostic) => void;
  extraTabs?: readonly PreviewTab[];
}) {
  const base = useId();
  const tabs: PreviewTab[] = [
    {
      id: "template",
      label: "Template",
      content: preview?.template ? (
        <div className="flex flex-col gap-1 p-1">
          <div className="flex items-center gap-2 text-xs text-slate-600">
            <span>Read-only; search with the panel below or Ctrl+F inside the template.</span>
            <button type="button" className="ml-auto text-indigo-700 underline" onClick={() => downloadJson("template.json", preview.template)}>
              Download template.json
            </button>
          </div>
          <div className="h-80">
            <LazyCodeMirror value={JSON.stringify(preview.template, null, 2)} language="json" label="Rendered CloudFormation template" readOnly searchOnOpen />
          </div>
        </div>
      ) : (
        <p className="p-2 text-sm text-slate-600">No template: the definition has errors (see Diagnostics).</p>
      ),
    },
    { id: "diagnostics", label: summary ? `Diagnostics (${summary})` : "Diagnostics",  content: <DiagnosticsList diagnostics={diagnostics} onJump={onJump} /> },
    { id: "resources", label: "Resources", content: <ResourceCount preview={preview} /> },
    ...extraTabs,
  ];
  // Diagnostics first: the template view loads CodeMirror, which is only fetched once someone opens it.
  const [active, setActive] = useState("diagnostics");
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  return (
    <section aria-label="Preview" className="rounded-lg border border-slate-200 bg-white">
      {/* Wraps on a phone rather than widening the page: tabs first, the status on a line of its own. */}
      <div className="flex flex-wrap items-center gap-x-2 border-b border-slate-200 px-2">
        <TabList
          label="Preview panels"
          tabs={tabs}
          selected={current.id}
          onSelect={setActive}
          tabId={(id) => `${base}-${id}-tab`}
          panelId={(id) => `${base}-${id}-panel`}
          className="flex flex-wrap gap-1"
          tabClassName={(selected) => `px-2 py-1.5 text-sm sm:px-3 ${selected ? "border-b-2 border-indigo-600 font-semibold" : "text-slate-600"}`}
        />
        <span className="ml-auto text-xs text-slate-600" role="status">
          {updating ? "Updating…" : summary || "Up to date"}
        </span>
      </div>
      <div role="tabpanel" id={`${base}-${current.id}-panel`} aria-labelledby={`${base}-${current.id}-tab`} className="max-h-96 overflow-auto">
        {current.content}
      </div>
    </section>
  );
});
