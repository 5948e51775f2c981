// The editor's reducer: one document with undo/redo, the saved baseline it is compared with, the
// revision it is based on and the selection. Every edit is a function of the latest document, so
// several canvas edits in one event (deleting two edges) compose.
import { sameData } from "@/lib/stack/edit-yaml";
import { connect } from "./connect";
import { savedPositions, withDefinition, withFiles, type EditorDoc } from "./doc";
import { commit, redo, startHistory, undo, type History } from "./history";
import { addResource, type PaletteItem } from "./palette";

export interface EditorState {
  history: History<EditorDoc>;
  /** The document as last loaded or saved: "unsaved changes" is a difference from it. */
  saved: EditorDoc;
  baseNumber: number;
  selected: string | null;
  /** Why the last attempt to connect two resources was refused, until the next one. */
  connectProblem: string | null;
  /** The last change was a keystroke in a field, the YAML or the code: what follows from it can wait for typing to pause. */
  typing: boolean;
}

export type EditorAction =
  | { type: "edit"; apply: (doc: EditorDoc) => EditorDoc; coalesce?: string; select?: string | null; typing?: boolean }
  | { type: "undo" }
  | { type: "redo" }
  /** A resource from the palette, under a fresh name, selected. */
  | { type: "add"; item: PaletteItem }
  /** An edge drawn from `source` to `target`: the trigger or grant it stands for, or why not. */
  | { type: "connect"; source: string; target: string; choice?: string }
  | { type: "select"; name: string | null }
  | { type: "saved"; number: number; doc: EditorDoc }
  /** A newer revision becomes the base: `doc` is what to keep editing (mine, merged, or theirs). */
  | { type: "rebase"; number: number; saved: EditorDoc; doc: EditorDoc };

export function initialState(doc: EditorDoc, baseNumber: number): EditorState {
  return { history: startHistory(doc), saved: doc, baseNumber, selected: null, connectProblem: null, typing: false };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const next = reduce(state, action);
  const typing = action.type === "edit" && action.typing === true;
  return next === state || next.typing === typing ? next : { ...next, typing };
}

function reduce(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "edit": {
      const next = action.apply(state.history.present);
      const history = commit(state.history, next, action.coalesce ? { key: action.coalesce, at: Date.now() } : undefined);
      return { ...state, history, selected: action.select !== undefined ? action.select : state.selected };
    }
    case "add": {
      const doc = state.history.present;
      const r = addResource(doc.definition, doc.code, action.item);
      return { ...state, history: commit(state.history, withFiles(withDefinition(doc, r.definition), r.code)), selected: r.name };
    }
    case "connect": {
      const r = connect(state.history.present.definition, action.source, action.target, action.choice);
      if (!r.ok) return { ...state, connectProblem: r.reason };
      return { ...state, history: commit(state.history, withDefinition(state.history.present, r.definition)), selected: action.target, connectProblem: null };
    }
    case "undo":
      return { ...state, history: undo(state.history) };
    case "redo":
      return { ...state, history: redo(state.history) };
    case "select":
      return { ...state, selected: action.name };
    case "saved":
      return { ...state, saved: action.doc, baseNumber: action.number };
    case "rebase":
      return { ...state, saved: action.saved, baseNumber: action.number, history: commit(state.history, action.doc) };
  }
}

export function isDirty(state: EditorState): boolean {
  const doc = state.history.present;
  if (doc === state.saved) return false;
  // A different definition is a change whatever the text: deciding on it first leaves a form edit's YAML unwritten (model/doc.ts).
  if (!sameData(doc.definition, state.saved.definition)) return true;
  return (
    doc.yaml !== state.saved.yaml ||
    JSON.stringify(doc.code) !== JSON.stringify(state.saved.code) ||
    JSON.stringify(savedPositions(doc)) !== JSON.stringify(savedPositions(state.saved))
  );
}
