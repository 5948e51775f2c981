"use client";
import { useState } from "react";

/**
 * `value`, kept as the one first seen for its `key` while the key stays the same: memoized children
 * given it re-render when what the key describes changes, not each time an equal value is rebuilt.
 */
export function useStable<T>(value: T, key: string): T {
  const [kept, setKept] = useState({ key, value });
  if (kept.key === key) return kept.value;
  // Adjusting state during render, not in an effect: the next render already sees it.
  setKept({ key, value });
  return value;
}
