// Keeps a check's stored results small whatever the stack: at most MAX_ITEMS drifts and unknowns,
// each value at most MAX_VALUE_CHARS of JSON. Pure.
import type { DriftComparison, DriftItem } from "./types";

export const MAX_ITEMS = 200;
export const MAX_VALUE_CHARS = 1_000;

function boundValue(value: unknown): unknown {
  const json = JSON.stringify(value ?? null);
  return json.length <= MAX_VALUE_CHARS ? (value ?? null) : `${json.slice(0, MAX_VALUE_CHARS)}… (${json.length} characters)`;
}

export interface BoundedComparison extends DriftComparison {
  /** How many drifts the check found, also those left out. */
  driftCount: number;
  truncated: boolean;
}

export function boundResults(comparison: DriftComparison): BoundedComparison {
  const drifts: DriftItem[] = comparison.drifts.slice(0, MAX_ITEMS).map((d) => ({ ...d, deployed: boundValue(d.deployed), live: boundValue(d.live) }));
  const unknown = comparison.unknown.slice(0, MAX_ITEMS);
  return {
    drifts,
    unknown,
    driftCount: comparison.drifts.length,
    truncated: comparison.drifts.length > MAX_ITEMS || comparison.unknown.length > MAX_ITEMS,
  };
}
