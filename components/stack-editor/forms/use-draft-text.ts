"use client";
import { useState } from "react";
import { formatText, parseText, type TextFormat, type TextProblem } from "./entries";

/**
 * The text of a line or JSON field: kept as typed while it does not parse (nothing typed is lost, and
 * nothing unparsed is applied); applied as soon as it does.
 */
export function useDraftText(format: TextFormat, value: unknown, onValue: (v: unknown) => void, keepEmpty = false) {
  const [text, setText] = useState(() => formatText(format, value));
  const [shown, setShown] = useState(value);
  const [problem, setProblem] = useState<TextProblem | undefined>();
  // Undo, redo or a YAML edit changed the value underneath: show it (adjusting state during render, not in an effect).
  if (value !== shown) {
    setShown(value);
    const parsed = parseText(format, text, keepEmpty);
    if (!parsed.ok || JSON.stringify(parsed.value) !== JSON.stringify(value)) {
      setText(formatText(format, value));
      setProblem(undefined);
    }
  }
  const onText = (next: string) => {
    setText(next);
    const parsed = parseText(format, next, keepEmpty);
    setProblem(parsed.ok ? undefined : parsed);
    if (parsed.ok) {
      setShown(parsed.value);
      onValue(parsed.value);
    }
  };
  return { text, problem, onText };
}
