"use client";
// Free-form JSON (an event pattern's detail, a filter policy, raw CloudFormation properties) in a small
// code editor: JSON syntax, and the parse error shown at the field and at its place in the text.
import { lazy, Suspense, useCallback, useMemo, useRef } from "react";
import { inputClass } from "./field-presentation";
import { useDraftText } from "./use-draft-text";

// The same chunk as the views' editor (views/lazy.tsx), loaded when the first JSON field shows.
const CodeMirror = lazy(() => import("../views/code-mirror"));

export interface JsonFieldProps {
  id: string;
  labelId: string;
  label: string;
  describedBy?: string;
  error?: string;
  value: unknown;
  readOnly?: boolean;
  onValue: (v: unknown) => void;
}

export function JsonField({ id, labelId, label, describedBy, error, value, readOnly, onValue }: JsonFieldProps) {
  const { text, problem, onText } = useDraftText("json", value, onValue);
  const problemId = `${id}-draft-error`;
  const attributes = useMemo(() => {
    const attrs: Record<string, string> = { id, "aria-labelledby": labelId };
    const described = [problem ? problemId : undefined, describedBy].filter(Boolean).join(" ");
    if (described) attrs["aria-describedby"] = described;
    if (problem || error) attrs["aria-invalid"] = "true";
    return attrs;
  }, [id, labelId, problem, problemId, describedBy, error]);
  const diagnostics = useMemo(() => (problem?.line ? [{ line: problem.line, column: problem.column, severity: "error" as const, message: problem.message }] : []), [problem]);

  // Until the editor's chunk arrives, a plain text area with the field's id stands in: a diagnostic can
  // focus it and the text can be edited. If it has the focus when the editor replaces it, the editor takes
  // the focus at the same caret offset.
  const handOff = useRef<number | undefined>(undefined);
  const standIn = useCallback((node: HTMLTextAreaElement | null) => {
    if (!node) return;
    // A ref's cleanup runs while the element is still in the page, before React removes it.
    return () => {
      handOff.current = document.activeElement === node ? node.selectionStart : undefined;
    };
  }, []);
  const takeFocus = useCallback(() => {
    const caret = handOff.current;
    handOff.current = undefined;
    return caret;
  }, []);

  const fallback = (
    <textarea ref={standIn} {...attributes} readOnly={readOnly} spellCheck={false} rows={Math.min(Math.max(text.split("\n").length, 3), 12)}
      className={`${inputClass(problem || error ? "invalid" : undefined)} font-mono text-xs`} value={text} onChange={(e) => onText(e.target.value)} />
  );
  return (
    <>
      <Suspense fallback={fallback}>
        <CodeMirror value={text} onChange={onText} language="json" label={label} readOnly={readOnly} compact contentAttributes={attributes} diagnostics={diagnostics} takeFocus={takeFocus} />
      </Suspense>
      {problem ? (
        <p id={problemId} className="text-xs text-red-700">
          {problem.message}
        </p>
      ) : null}
    </>
  );
}
