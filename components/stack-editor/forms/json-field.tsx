"use client";
// Free-form JSON (an event pattern's detail, a filter policy, raw CloudFormation properties) in a small
// code editor: JSON syntax, and the parse error shown at the field and at its place in the text.
import { useMemo } from "react";
import { LazyCodeMirror } from "../views/lazy";
import { useDraftText } from "./use-draft-text";

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
  return (
    <>
      <LazyCodeMirror value={text} onChange={onText} language="json" label={label} readOnly={readOnly} compact contentAttributes={attributes} diagnostics={diagnostics} />
      {problem ? (
        <p id={problemId} className="text-xs text-red-700">
          {problem.message}
        </p>
      ) : null}
    </>
  );
}
