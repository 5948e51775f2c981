"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { LogLine } from "@/lib/logs/types";
import { LogRow, type RowActions } from "./log-row";

/**
 * The lines, virtualized: only the rows in view (plus a margin) are in the DOM, so 100,000 lines
 * scroll like 100. Rows measure themselves, since JSON and REPORT rows are taller.
 */
export function LogList({
  lines,
  showFunction,
  highlightId,
  follow,
  actions,
}: {
  lines: LogLine[];
  showFunction: boolean;
  highlightId: string | null;
  /** Keep the newest line in view (live tail). */
  follow: boolean;
  actions: RowActions;
}) {
  const parent = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the compiler rightly skips this component (the virtualizer mutates itself) and nothing memoized receives it; "use no memo" does not quiet this rule
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => parent.current,
    // Rows are one 20 px line until expanded: an exact estimate means the virtualizer never re-measures
    // (which costs a pass over every line after the changed one).
    estimateSize: () => 20,
    overscan: 20,
    getItemKey: (i) => lines[i].id,
  });

  useEffect(() => {
    if (follow && lines.length > 0) virtualizer.scrollToIndex(lines.length - 1, { align: "end" });
  }, [follow, lines.length, virtualizer]);

  const highlightIndex = highlightId ? lines.findIndex((l) => l.id === highlightId) : -1;
  useEffect(() => {
    if (highlightIndex >= 0) virtualizer.scrollToIndex(highlightIndex, { align: "center" });
  }, [highlightIndex, virtualizer]);

  return (
    <div ref={parent} className="h-[60vh] overflow-auto rounded-lg border border-slate-200 bg-white" data-testid="log-scroller" tabIndex={0} aria-label="Log lines, scrollable">
      <div role="list" aria-label="Log lines" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index];
          return (
            <div
              key={item.key}
              role="listitem"
              aria-posinset={item.index + 1}
              aria-setsize={lines.length}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${item.start}px)` }}
            >
              <LogRow line={line} showFunction={showFunction} highlighted={line.id === highlightId} actions={actions} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
