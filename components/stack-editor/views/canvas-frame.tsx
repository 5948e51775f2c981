"use client";
import type { Node, NodeProps } from "@xyflow/react";
import { kindLabel } from "./canvas-labels";

export type GroupFrameData = { hub: string; kind: string; members: number; collapsed: boolean; onToggle: (hub: string) => void };

/** The outline of a group of nodes, with a header that collapses it into its hub (or expands it again). */
export function GroupFrameNode({ data, width, height }: NodeProps<Node<GroupFrameData>>) {
  const { hub, kind, members, collapsed, onToggle } = data;
  return (
    <div style={{ width, height }} className="rounded-lg border border-dashed border-slate-400 bg-slate-100/40">
      <button
        type="button"
        aria-expanded={!collapsed}
        className="nodrag nopan pointer-events-auto m-1 rounded px-1.5 py-0.5 text-left text-xs font-medium text-slate-800 hover:bg-slate-200"
        onClick={() => onToggle(hub)}
      >
        {collapsed ? "▸" : "▾"} {kindLabel(kind)} {hub}: {members} {members === 1 ? "resource" : "resources"}
        <span className="sr-only">{collapsed ? ", expand group" : ", collapse group"}</span>
      </button>
    </div>
  );
}
