"use client";
import { memo } from "react";
import { Button } from "@/components/ui/button";
import { ConnectForm } from "./connect-form";
import type { StackDefinition } from "@/lib/stack";
import type { GraphNode } from "./model/graph";
import { PALETTE, type PaletteItem } from "./model/palette";
import { kindLabel } from "./views/canvas";

/**
 * The left column: add a resource from the palette, pick one from the list of all of them, or connect
 * two by keyboard. Memoized: it re-renders when the resources or the selection change, not per keystroke.
 */
export const PalettePanel = memo(function PalettePanel({ nodes, definition, selected, locked, onAdd, onSelect, onConnect }: {
  nodes: readonly GraphNode[];
  /** The definition the graph was built from, for what a connection can mean. */
  definition: StackDefinition;
  selected: string | null;
  locked: boolean;
  onAdd: (item: PaletteItem) => void;
  onSelect: (name: string) => void;
  onConnect: (source: string, target: string, choice?: string) => void;
}) {
  return (
    <aside aria-label="Palette and resources" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-2">
      <section aria-labelledby="palette-title" className="flex flex-col gap-1">
        <h2 id="palette-title" className="text-sm font-semibold">
          Add
        </h2>
        {PALETTE.map((item) => (
          <Button key={item.kind} variant="secondary" className="justify-start" disabled={locked} onClick={() => onAdd(item)}>
            + {item.label}
          </Button>
        ))}
      </section>
      <section aria-labelledby="resources-title" className="flex flex-col gap-1">
        <h2 id="resources-title" className="text-sm font-semibold">
          Resources ({nodes.length})
        </h2>
        <ul className="flex max-h-64 flex-col gap-0.5 overflow-auto">
          {nodes.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                aria-pressed={selected === n.id}
                className={`w-full truncate rounded px-2 py-0.5 text-left font-mono text-xs ${selected === n.id ? "bg-indigo-100 text-indigo-900" : "hover:bg-slate-100"}`}
                onClick={() => onSelect(n.id)}
              >
                {n.id} <span className="text-slate-600">{kindLabel(n.kind)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <ConnectForm nodes={nodes.map((n) => n.id)} definition={definition} disabled={locked} onConnect={onConnect} />
    </aside>
  );
});
