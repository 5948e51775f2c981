"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Keyboard way to draw an edge: pick both ends. */
export function ConnectForm({ nodes, disabled, onConnect }: { nodes: readonly string[]; disabled: boolean; onConnect: (source: string, target: string) => void }) {
  const [source, setSource] = useState("");
  const [target, setTarget] = useState("");
  return (
    <fieldset className="flex flex-col gap-1" disabled={disabled}>
      <legend className="text-sm font-semibold">Connect</legend>
      <label htmlFor="connect-source" className="text-xs font-medium">
        From
      </label>
      <select id="connect-source" className="rounded-md border border-slate-300 px-1 py-0.5 text-xs" value={source} onChange={(e) => setSource(e.target.value)}>
        <option value="">Choose…</option>
        {nodes.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <label htmlFor="connect-target" className="text-xs font-medium">
        To
      </label>
      <select id="connect-target" className="rounded-md border border-slate-300 px-1 py-0.5 text-xs" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">Choose…</option>
        {nodes.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <Button variant="secondary" disabled={!source || !target} onClick={() => onConnect(source, target)}>
        Connect
      </Button>
    </fieldset>
  );
}
