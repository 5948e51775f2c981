// A save against a stale base revision: what merging my changes into the newer revision gives, and
// what each of the conflict dialog's choices leaves in the editor. Pure.
import type { StackDefinition } from "@/lib/stack";
import type { RevisionConflict } from "@/server/stacks/revisions";
import type { ConflictChoice } from "../conflict-dialog";
import { docFromYaml, withDefinition, type CodeMap, type EditorDoc } from "./doc";
import { merge3, mergeCode, type MergeResult } from "./merge";

export type LatestRevision = RevisionConflict["latest"];

export interface ConflictMerge {
  theirs: EditorDoc;
  definition: MergeResult<StackDefinition>;
  files: MergeResult<CodeMap>;
}

/** My changes since `saved` (the revision I started from) applied onto the newer revision. */
export function mergeWithLatest(saved: EditorDoc, mine: EditorDoc, latest: LatestRevision): ConflictMerge {
  const theirs = docFromYaml(latest.yaml, latest.code, latest.canvasPositions);
  return { theirs, definition: merge3(saved.definition, mine.definition, theirs.definition), files: mergeCode(saved.code, mine.code, theirs.code) };
}

/** Why "merge" is not offered (both sides changed the same setting or file), if so. */
export function mergeProblem(merge: ConflictMerge): string | undefined {
  if (!merge.definition.ok) return `Both versions changed ${merge.definition.conflicts.map((p) => p.join(".")).join(", ")}: choose one version, then redo the other change.`;
  if (!merge.files.ok) return `Both versions changed the code of ${merge.files.conflicts.map((p) => p.join(".")).join(", ")}.`;
  return undefined;
}

/** The document to keep editing on top of revision `number`, and what to tell the person; null when the merge is not possible. */
export function resolveConflict(choice: ConflictChoice, mine: EditorDoc, merge: ConflictMerge, number: number): { doc: EditorDoc; notice: string } | null {
  if (choice === "theirs") return { doc: merge.theirs, notice: `Loaded revision ${number}.` };
  if (choice === "mine") return { doc: mine, notice: `Now based on revision ${number}: review your version and save again.` };
  if (!merge.definition.ok || !merge.files.ok) return null;
  return { doc: { ...withDefinition(mine, merge.definition.merged), code: merge.files.merged }, notice: `Now based on revision ${number}: review the merged result and save again.` };
}
