"use client";
import { useEffect, useRef, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { REVEAL_EVENT } from "./reveal-field";
import { count } from "./section-summary";

/**
 * A titled part of the inspector that collapses. A native disclosure (details/summary): a summary is
 * no form control, so it still toggles for a viewer inside the disabled fieldset, and the browser's
 * find-in-page opens it. Collapsed, the fields stay in the page, so a diagnostic's jump still finds
 * its field by id and opens the section (reveal-field.ts). Collapsed, the header says what is set
 * inside; open or not, how many errors the section holds.
 */
export function CollapsibleSection({ title, open, summary, errors, onOpenChange, children }: {
  title: string;
  open: boolean;
  summary: string;
  errors: number;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  const root = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const node = root.current;
    if (!node) return;
    const reveal = () => flushSync(() => onOpenChange(true));
    node.addEventListener(REVEAL_EVENT, reveal);
    return () => node.removeEventListener(REVEAL_EVENT, reveal);
  }, [onOpenChange]);
  return (
    <details ref={root} open={open} data-collapsed={!open} onToggle={(e) => e.currentTarget.open !== open && onOpenChange(e.currentTarget.open)} className="group border-t border-slate-200 pt-2">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded hover:text-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="inline-block w-3 shrink-0 text-slate-500 group-open:rotate-90">▸</span>
        <h3 className="shrink-0 text-sm font-semibold">{title}</h3>
        {!open && summary ? (
          <span className="min-w-0 truncate text-xs text-slate-600" title={summary}>
            <span aria-hidden="true">· </span>
            {summary}
          </span>
        ) : null}
        {errors ? <span className="ml-auto shrink-0 pl-1 text-xs font-medium text-red-700">{count(errors, "error")}</span> : null}
      </summary>
      <div className="mt-2 flex flex-col gap-3">{children}</div>
    </details>
  );
}
