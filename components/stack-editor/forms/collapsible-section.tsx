"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { REVEAL_EVENT } from "./reveal-field";

/**
 * A titled part of the inspector that collapses. Collapsed, its fields stay mounted but hidden, so a
 * diagnostic's jump still finds its field by id and opens the section (reveal-field.ts).
 */
export function CollapsibleSection({ title, children }: { title: string; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  const root = useRef<HTMLElement>(null);
  const bodyId = useId();
  useEffect(() => {
    const node = root.current;
    if (!node) return;
    const reveal = () => flushSync(() => setOpen(true));
    node.addEventListener(REVEAL_EVENT, reveal);
    return () => node.removeEventListener(REVEAL_EVENT, reveal);
  }, []);
  return (
    <section ref={root} data-collapsed={!open} className="flex flex-col gap-2 border-t border-slate-200 pt-2">
      <h3 className="text-sm font-semibold">
        <button type="button" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}
          className="flex w-full items-center gap-1 rounded text-left hover:text-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600">
          <span aria-hidden="true" className="inline-block w-3 text-slate-500">{open ? "▾" : "▸"}</span>
          {title}
        </button>
      </h3>
      <div id={bodyId} hidden={!open} className="flex flex-col gap-3">
        {children}
      </div>
    </section>
  );
}
