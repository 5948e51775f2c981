"use client";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextDiffView } from "@/components/revisions/text-diff";
import { diffText } from "@/lib/text-diff";
import type { RevisionConflict } from "@/server/stacks/revisions";

export type ConflictChoice = "merge" | "mine" | "theirs";

/**
 * A save against a stale base: what each side changed since the revision both started from, as the
 * diffs the revision compare view shows; nothing is overwritten whatever is chosen.
 */
export function ConflictDialog({ conflict, base, mine, mergeProblem, onChoose, onClose }: {
  conflict: RevisionConflict["latest"];
  /** The revision the editor started from, which both versions changed. */
  base: { number: number; yaml: string };
  mine: string;
  /** Why merging is not possible (both sides changed the same setting), if so. */
  mergeProblem?: string;
  onChoose: (choice: ConflictChoice) => void;
  onClose: () => void;
}) {
  const mineDiff = useMemo(() => diffText(base.yaml, mine), [base.yaml, mine]);
  const theirsDiff = useMemo(() => diffText(base.yaml, conflict.yaml), [base.yaml, conflict.yaml]);
  const since = `changes since revision ${base.number}`;
  return (
    <Dialog open onClose={onClose} title={`Revision ${conflict.number} was saved while you were editing`} wide>
      <div className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">
          {conflict.authorEmail ?? "Someone"} saved revision {conflict.number}
          {conflict.message ? ` (“${conflict.message}”)` : ""} at {conflict.createdAt.slice(0, 16).replace("T", " ")} UTC. Your changes are not saved yet and
          nothing was overwritten.
        </p>
        <div className="grid min-h-0 grid-cols-1 gap-3 md:grid-cols-2">
          <section aria-labelledby="conflict-mine" className="flex min-w-0 flex-col gap-1">
            <h3 id="conflict-mine" className="text-sm font-semibold">
              Your version: {since}
            </h3>
            <TextDiffView diff={mineDiff} label={`Your ${since}`} />
          </section>
          <section aria-labelledby="conflict-theirs" className="flex min-w-0 flex-col gap-1">
            <h3 id="conflict-theirs" className="text-sm font-semibold">
              Revision {conflict.number}: {since}
            </h3>
            <TextDiffView diff={theirsDiff} label={`Revision ${conflict.number}'s ${since}`} />
          </section>
        </div>
        {mergeProblem ? <p className="text-sm text-amber-800">{mergeProblem}</p> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Keep editing
          </Button>
          <Button variant="secondary" onClick={() => onChoose("theirs")}>
            Discard mine, load revision {conflict.number}
          </Button>
          <Button variant="secondary" onClick={() => onChoose("mine")}>
            Edit mine on top of revision {conflict.number}
          </Button>
          <Button onClick={() => onChoose("merge")} disabled={Boolean(mergeProblem)}>
            Merge my changes into revision {conflict.number}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
