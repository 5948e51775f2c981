import type { ReactNode } from "react";

/**
 * Wide content (a table) scrolls sideways in its own box on a narrow screen instead of widening the
 * whole page. Focusable, so a keyboard can scroll it too.
 */
export function ScrollX({ className = "", children }: { className?: string; children: ReactNode }) {
  return (
    <div role="group" tabIndex={0} className={`max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-500 ${className}`.trim()}>
      {children}
    </div>
  );
}
