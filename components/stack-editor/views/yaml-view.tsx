"use client";
import { useCallback, useEffect, useRef } from "react";
import type { Diagnostic } from "@/lib/stack";
import { LazyCodeMirror } from "./lazy";
import { UNSAVED_MESSAGE } from "../use-unsaved-guard";

/** Typed text is applied once typing pauses this long (or the view loses focus or closes): applying parses the whole definition. */
const APPLY_AFTER_MS = 300;

/** Text typed but not applied yet is not in the editor's state, so the editor's guard cannot know of it: this one asks before the tab closes. */
function warnBeforeUnload(e: BeforeUnloadEvent) {
  e.preventDefault();
  e.returnValue = UNSAVED_MESSAGE;
}

/** The definition as YAML, editable; it applies to the canvas and forms whenever it parses. */
export function YamlView({ yaml, pending, diagnostics, onChange, gotoLine, gotoToken }: {
  yaml: string;
  pending: boolean;
  /** The text's problems at their lines (analyzeForEditor). */
  diagnostics: readonly Diagnostic[];
  onChange: (yaml: string) => void;
  gotoLine?: number;
  gotoToken?: number;
}) {
  const draft = useRef<{ text: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const apply = useCallback(() => {
    const d = draft.current;
    if (!d) return;
    clearTimeout(d.timer);
    draft.current = null;
    window.removeEventListener("beforeunload", warnBeforeUnload);
    onChange(d.text);
  }, [onChange]);
  const onText = useCallback(
    (text: string) => {
      if (draft.current) clearTimeout(draft.current.timer);
      else window.addEventListener("beforeunload", warnBeforeUnload);
      draft.current = { text, timer: setTimeout(apply, APPLY_AFTER_MS) };
    },
    [apply],
  );
  useEffect(() => apply, [apply]);
  const located = diagnostics.flatMap((d) => (d.line === undefined ? [] : [{ line: d.line, column: d.column, severity: d.severity, message: d.message }]));
  // "and N more problems" has no line of its own.
  const unplaced = diagnostics.filter((d) => d.line === undefined);
  return (
    <div className="flex h-full flex-col gap-1">
      <p className="text-xs text-slate-600" role="status">
        {pending
          ? "The YAML has errors (marked at their lines): the canvas and forms show the last version that parsed, and are read-only until it parses again."
          : "Edits apply to the canvas and forms as soon as the YAML is valid."}
      </p>
      {unplaced.map((d, i) => (
        <p key={i} className="text-xs text-red-700" role="alert">{d.message}</p>
      ))}
      <div className="min-h-0 flex-1" onBlur={apply}>
        <LazyCodeMirror value={yaml} onChange={onText} language="yaml" label="Stack definition YAML" diagnostics={located} gotoLine={gotoLine} gotoToken={gotoToken} />
      </div>
    </div>
  );
}
