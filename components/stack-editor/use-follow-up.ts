"use client";
import { startTransition, useDeferredValue, useEffect, useState } from "react";
import type { EditorState } from "./model/editor-state";

/**
 * The editor state that what follows an edit (validation, the graph, the canvas, the cost, the preview)
 * is derived from: the current one, except that during a run of keystrokes it is the one from before
 * the run until typing pauses for `ms`. Either way it renders as a deferred, interruptible update, so
 * a large stack's follow-up never holds up the next keystroke.
 */
export function useFollowUp(state: EditorState, ms: number): EditorState {
  const [held, setHeld] = useState(state);
  // Anything but typing is followed at once (adjusting state during render, not in an effect).
  if (held !== state && !state.typing) setHeld(state);
  useEffect(() => {
    if (held === state) return;
    const timer = setTimeout(() => startTransition(() => setHeld(state)), ms);
    return () => clearTimeout(timer);
  }, [held, state, ms]);
  return useDeferredValue(held !== state && !state.typing ? state : held);
}
