"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Wide content (a table) scrolls sideways in its own box on a narrow screen instead of widening the
 * whole page. While it does scroll it is a tab stop, so a keyboard can scroll it too; when it fits
 * it is not one, so Tab does not stop on every table of a wide screen for nothing.
 */
export function ScrollX({ className = "", children }: { className?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth);
    measure();
    // The box resizes with the window; its content (rows arriving) with the first child.
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      role={scrolls ? "group" : undefined}
      tabIndex={scrolls ? 0 : undefined}
      className={`max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-500 ${className}`.trim()}
    >
      {children}
    </div>
  );
}
