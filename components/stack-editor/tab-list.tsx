"use client";
import { useRef, type KeyboardEvent } from "react";
import { tabAfterKey } from "./tab-keys";

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

/**
 * A WAI-ARIA tab list with automatic activation: only the selected tab is in the Tab order (roving
 * tabindex), arrow keys, Home and End select and focus another tab. `tabId` and `panelId` name the
 * elements each tab points at, so the panel can be labelled by its tab.
 */
export function TabList<T extends string>({ label, tabs, selected, onSelect, tabId, panelId, className, tabClassName }: {
  label: string;
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  tabId: (id: T) => string;
  panelId: (id: T) => string;
  className?: string;
  tabClassName: (selected: boolean) => string;
}) {
  const list = useRef<HTMLDivElement>(null);
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const next = tabAfterKey(e.key, tabs.findIndex((t) => t.id === selected), tabs.length);
    if (next === null) return;
    e.preventDefault();
    onSelect(tabs[next].id);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(tabs[next].id))}`)?.focus();
  }
  return (
    <div ref={list} role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={tabId(t.id)}
          aria-selected={t.id === selected}
          aria-controls={panelId(t.id)}
          tabIndex={t.id === selected ? 0 : -1}
          className={tabClassName(t.id === selected)}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
