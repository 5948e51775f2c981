// Undo and redo over the editor's one state. Pure: every edit is a new present; typing into one field
// within a short window coalesces into one step, so undo takes back a word, not a letter.

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Field of the last edit and when it happened, for coalescing. */
  last?: { key: string; at: number };
}

const COALESCE_MS = 1000;
const MAX_STEPS = 200;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function commit<T>(h: History<T>, next: T, coalesce?: { key: string; at: number }): History<T> {
  if (next === h.present) return h;
  const merge = coalesce && h.last && h.last.key === coalesce.key && coalesce.at - h.last.at < COALESCE_MS;
  const past = merge ? h.past : [...h.past, h.present].slice(-MAX_STEPS);
  return { past, present: next, future: [], last: coalesce };
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
