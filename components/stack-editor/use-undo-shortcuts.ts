"use client";
import { useEffect } from "react";
import { isTyping, undoShortcut } from "./undo-shortcut";

/** Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) anywhere on the page but in a text field step the editor's history. */
export function useUndoShortcuts(step: (direction: "undo" | "redo") => void) {
  useEffect(() => {
    const keys = (e: KeyboardEvent) => {
      const direction = undoShortcut({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, typing: isTyping(e.target) });
      if (!direction) return;
      e.preventDefault();
      step(direction);
    };
    window.addEventListener("keydown", keys);
    return () => window.removeEventListener("keydown", keys);
  }, [step]);
}
