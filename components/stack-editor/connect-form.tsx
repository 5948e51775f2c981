"use client";
import { useState } from "react";
import type { StackDefinition } from "@/lib/stack";
import { Button } from "@/components/ui/button";
import { connectChoices } from "./model/connect";

const SELECT = "rounded-md border border-slate-300 px-1 py-0.5 text-xs";

/**
 * Keyboard way to draw an edge: pick both ends and, when the edge can mean several things (a function
 * to a function: a destination or an access grant), what it means, as the canvas asks after a drag.
 */
export function ConnectForm({ nodes, definition, disabled, onConnect }: {
  nodes: readonly string[];
  definition: StackDefinition;
  disabled: boolean;
  onConnect: (source: string, target: string, choice?: string) => void;
}) {
  const [source, setSource] = useState("");
  const [target, setTarget] = useState("");
  const [choice, setChoice] = useState("");
  const options = source && target ? connectChoices(definition, source, target) : null;
  const several = options?.ok && options.choices.length > 1 ? options.choices : null;
  const chosen = several ? several.find((c) => c.id === choice)?.id : undefined;
  const pick = (set: (v: string) => void) => (e: React.ChangeEvent<HTMLSelectElement>) => {
    set(e.target.value);
    setChoice("");
  };
  return (
    <fieldset className="flex flex-col gap-1" disabled={disabled}>
      <legend className="text-sm font-semibold">Connect</legend>
      <label htmlFor="connect-source" className="text-xs font-medium">
        From
      </label>
      <select id="connect-source" className={SELECT} value={source} onChange={pick(setSource)}>
        <option value="">Choose…</option>
        {nodes.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <label htmlFor="connect-target" className="text-xs font-medium">
        To
      </label>
      <select id="connect-target" className={SELECT} value={target} onChange={pick(setTarget)}>
        <option value="">Choose…</option>
        {nodes.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      {several ? (
        <>
          <label htmlFor="connect-meaning" className="text-xs font-medium">
            As
          </label>
          <select id="connect-meaning" className={SELECT} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose…</option>
            {several.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {options && !options.ok ? <p className="text-xs text-slate-700">{options.reason}</p> : null}
      <Button variant="secondary" disabled={!options?.ok || (several !== null && !chosen)} onClick={() => onConnect(source, target, chosen)}>
        Connect
      </Button>
    </fieldset>
  );
}
