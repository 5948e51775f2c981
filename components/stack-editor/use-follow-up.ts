"use client";
import { startTransition, useEffect, useState } from "react";
import type { EditorState } from "./model/editor-state";

/**
 * The editor state that what follows an edit (validation, the graph, the canvas, the cost, the preview)
 * is derived from. It trails the current state: during a run of keystrokes until typing pauses for
 * `ms`, otherwise until the browser has painted what the interaction itself changed (the field, the
 * selection, the new resource's form). It then renders as an interruptible transition, so a large
 * stack's follow-up never holds up a keystroke or a click.
 */
export function useFollowUp(state: EditorState, ms: number): EditorState {
  const [held, setHeld] = useState(state);
  useEffect(() => {
    if (held === state) return;
    const follow = () => startTransition(() => setHeld(state));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    // A timer set in an animation frame runs after that frame's paint.
    if (state.typing) timer = setTimeout(follow, ms);
    else frame = requestAnimationFrame(() => (timer = setTimeout(follow)));
    return () => {
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [held, state, ms]);
  return held;
}
