"use client";
// CodeMirror 6, bundled locally, loaded only when a code, YAML or template view opens (see lazy.tsx).
import { useEffect, useRef } from "react";
import { basicSetup, minimalSetup } from "codemirror";
import { Annotation, Compartment, EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { python } from "@codemirror/lang-python";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import { openSearchPanel } from "@codemirror/search";

export type CodeLanguage = "typescript" | "javascript" | "python" | "yaml" | "json" | "text";

export interface LineDiagnostic {
  line: number;
  column?: number;
  severity: "error" | "warning";
  message: string;
}

export interface CodeMirrorProps {
  value: string;
  onChange?: (value: string) => void;
  language: CodeLanguage;
  label: string;
  readOnly?: boolean;
  diagnostics?: readonly LineDiagnostic[];
  /** Scrolls to and selects this line (1-based) whenever `gotoToken` changes. */
  gotoLine?: number;
  gotoToken?: number;
  /** Opens the search panel on mount (the template view). */
  searchOnOpen?: boolean;
  /** A field of a form rather than a view: no gutters, as tall as its text (up to a limit). */
  compact?: boolean;
  /** Attributes of the editable element: a form field's id, aria-labelledby, aria-describedby, aria-invalid. */
  contentAttributes?: Record<string, string>;
  /** Asked once the editor exists: a caret offset to take the focus at (the plain text area it replaces had it). */
  takeFocus?: () => number | undefined;
}

function languageOf(language: CodeLanguage): Extension {
  switch (language) {
    case "typescript":
      return javascript({ typescript: true });
    case "javascript":
      return javascript();
    case "json":
      return json();
    case "python":
      return python();
    case "yaml":
      return yaml();
    case "text":
      return [];
  }
}

function toCm(state: EditorState, diagnostics: readonly LineDiagnostic[]): CmDiagnostic[] {
  return diagnostics.map((d) => {
    const line = state.doc.line(Math.min(Math.max(d.line, 1), state.doc.lines));
    const from = Math.min(line.from + Math.max((d.column ?? 1) - 1, 0), line.to);
    return { from, to: Math.max(from, line.to), severity: d.severity, message: d.message };
  });
}

// Marks the edits that show a value from outside (undo, a form edit): echoing them back as a change
// would add a history step that undo then lands on instead of the edit before.
const external = Annotation.define<boolean>();

export default function CodeMirror({ value, onChange, language, label, readOnly, diagnostics, gotoLine, gotoToken, searchOnOpen, compact, contentAttributes, takeFocus }: CodeMirrorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const attributes = useRef(new Compartment());
  const attributesKey = JSON.stringify(contentAttributes ?? {});
  const changeRef = useRef(onChange);
  // Texts sent through onChange that have not come back as `value` yet: the owner may apply them later
  // (a deferred update), and one of them arriving is not an outside change to show.
  const sent = useRef<string[]>([]);
  useEffect(() => {
    changeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          // A compact field sits in the narrow inspector: long lines wrap instead of scrolling sideways.
          compact ? [minimalSetup, EditorView.lineWrapping] : [basicSetup, lintGutter()],
          languageOf(language),
          EditorState.readOnly.of(Boolean(readOnly)),
          EditorView.contentAttributes.of({ "aria-label": label }),
          attributes.current.of(EditorView.contentAttributes.of(JSON.parse(attributesKey))),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged || u.transactions.every((t) => t.annotation(external)) || !changeRef.current) return;
            const text = u.state.doc.toString();
            sent.current.push(text);
            changeRef.current(text);
          }),
          EditorView.theme(
            compact
              ? { "&": { maxHeight: "16rem", fontSize: "12px" }, ".cm-scroller": { overflow: "auto" }, ".cm-content": { minHeight: "3.5rem" } }
              : { "&": { height: "100%", fontSize: "12px" }, ".cm-scroller": { overflow: "auto" } },
          ),
        ],
      }),
    });
    view.current = v;
    if (searchOnOpen) openSearchPanel(v);
    const caret = takeFocus?.();
    if (caret !== undefined) {
      v.dispatch({ selection: { anchor: Math.min(caret, v.state.doc.length) } });
      v.focus();
    }
    return () => v.destroy();
    // The view is created once per language; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, readOnly, label, compact]);

  useEffect(() => {
    view.current?.dispatch({ effects: attributes.current.reconfigure(EditorView.contentAttributes.of(JSON.parse(attributesKey))) });
  }, [attributesKey]);

  useEffect(() => {
    const v = view.current;
    const echo = sent.current.indexOf(value);
    if (echo >= 0) {
      sent.current.splice(0, echo + 1);
      return;
    }
    sent.current = [];
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value }, annotations: external.of(true) });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, toCm(v.state, diagnostics ?? [])));
  }, [diagnostics, value]);

  useEffect(() => {
    const v = view.current;
    if (!v || gotoLine === undefined) return;
    const line = v.state.doc.line(Math.min(Math.max(gotoLine, 1), v.state.doc.lines));
    v.dispatch({ selection: { anchor: line.from, head: line.to }, effects: EditorView.scrollIntoView(line.from, { y: "center" }) });
    v.focus();
  }, [gotoLine, gotoToken]);

  return <div ref={host} className={`overflow-hidden rounded-md border bg-white ${compact ? (contentAttributes?.["aria-invalid"] ? "border-red-500" : "border-slate-300") : "h-full min-h-48 border-slate-300"}`} />;
}
