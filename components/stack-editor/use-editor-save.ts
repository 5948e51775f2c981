"use client";
import { useMemo, useState, type Dispatch } from "react";
import { saveRevision } from "@/server/actions/stacks/save-revision";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ConflictChoice } from "./conflict-dialog";
import { mergeProblem, mergeWithLatest, resolveConflict, type LatestRevision } from "./model/conflict";
import { savedCode, savedPositions } from "./model/doc";
import type { EditorAction, EditorState } from "./model/editor-state";

/**
 * Saving the document as the next revision, with its optional message; a save against a stale base
 * keeps the newer revision (`conflict`) until the person chooses how to go on (`resolve`). A second
 * click while a save runs joins it (useServerAction).
 */
export function useEditorSave(orgSlug: string, stackId: string, state: EditorState, dispatch: Dispatch<EditorAction>) {
  const action = useServerAction(saveRevision);
  const [message, setMessage] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<LatestRevision | null>(null);
  const doc = state.history.present;

  async function save() {
    setError(null);
    setNotice(null);
    const current = doc;
    try {
      const r = await action.mutateAsync({
        orgSlug,
        stackId,
        baseNumber: state.baseNumber,
        yaml: current.yaml,
        code: savedCode(current, state.saved.code),
        canvasPositions: savedPositions(current),
        message: message.trim() || undefined,
      });
      if (r.ok) {
        dispatch({ type: "saved", number: r.data.number, doc: current });
        setMessage("");
        setNotice(`Saved revision ${r.data.number}.`);
      } else if (r.status === 409 && r.details?.latest) {
        setConflict(r.details.latest as LatestRevision);
      } else {
        setError(r.error);
      }
    } catch {
      setError("The save did not reach the server; your changes are still here. Try again.");
    }
  }

  const merge = useMemo(() => (conflict ? mergeWithLatest(state.saved, doc, conflict) : null), [conflict, state.saved, doc]);

  function resolve(choice: ConflictChoice) {
    if (!conflict || !merge) return;
    const r = resolveConflict(choice, doc, merge, conflict.number);
    if (!r) return;
    dispatch({ type: "rebase", number: conflict.number, saved: merge.theirs, doc: r.doc });
    setNotice(r.notice);
    setConflict(null);
  }

  return {
    message,
    setMessage,
    save,
    saving: action.isPending,
    error,
    notice,
    conflict,
    mergeProblem: merge ? mergeProblem(merge) : undefined,
    resolve,
    dismissConflict: () => setConflict(null),
  };
}
