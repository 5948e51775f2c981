"use client";
// The selected resource's name: checked as you type, applied (with every reference) on Rename or Enter.
import { useState } from "react";
import type { StackDefinition } from "@/lib/stack";
import { Button } from "@/components/ui/button";
import { renameProblem } from "../model/rename";

export function RenameField({ definition, name, onRename }: { definition: StackDefinition; name: string; onRename: (from: string, to: string) => void }) {
  const [draft, setDraft] = useState(name);
  const [shownFor, setShownFor] = useState(name);
  // Another resource was selected, or undo took the rename back: show the current name (adjusting state during render).
  if (shownFor !== name) {
    setShownFor(name);
    setDraft(name);
  }
  const problem = renameProblem(definition, name, draft);
  const id = "field-resource-name";
  const apply = () => {
    if (!problem && draft !== name) onRename(name, draft);
  };
  return (
    <form
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        Resource name
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="text"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[problem ? `${id}-error` : undefined, `${id}-hint`].filter(Boolean).join(" ")}
          className={`w-full rounded-md border px-2 py-1 text-sm shadow-sm ${problem ? "border-red-500" : "border-slate-300"}`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={Boolean(problem) || draft === name}>
          Rename
        </Button>
      </div>
      {problem ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {problem}
        </p>
      ) : null}
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        Required. Letters and digits, starting with a letter. Triggers, authorizers, grants, edge functions and $ResourceParam references follow the new name.
      </p>
    </form>
  );
}
