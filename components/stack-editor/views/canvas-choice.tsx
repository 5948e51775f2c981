"use client";
import { useEffect, useRef } from "react";
import type { ConnectChoice } from "../model/connect";

export interface PendingConnection {
  source: string;
  target: string;
  choices: ConnectChoice[];
}

/** Asks what a drawn edge means when it can mean several things (a destination, a failure target, a grant). */
export function ConnectChoiceMenu({ pending, onChoose, onCancel }: { pending: PendingConnection; onChoose: (choice: string) => void; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [pending]);
  return (
    <div
      role="dialog"
      aria-label={`Connect ${pending.source} to ${pending.target} as`}
      className="flex max-w-sm flex-col gap-1 rounded-md border border-slate-300 bg-white p-2 text-xs shadow-lg"
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <p className="font-medium text-slate-900">
        Connect <span className="font-mono">{pending.source}</span> to <span className="font-mono">{pending.target}</span> as:
      </p>
      {pending.choices.map((c, i) => (
        <button key={c.id} ref={i === 0 ? first : undefined} type="button" className="rounded border border-slate-200 px-2 py-1 text-left hover:bg-indigo-50" onClick={() => onChoose(c.id)}>
          {c.label}
        </button>
      ))}
      <button type="button" className="self-end px-2 py-1 text-slate-700 underline" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
