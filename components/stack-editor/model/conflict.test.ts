import { describe, expect, it } from "vitest";
import { docFromYaml, withDefinition, type EditorDoc } from "./doc";
import { mergeProblem, mergeWithLatest, resolveConflict, type LatestRevision } from "./conflict";
import { setInPruned } from "./paths";

const BASE = `resources:
  fn:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/fn.ts
`;
const code = { "src/fn.ts": "export default async () => 1;\n" };

function latest(doc: EditorDoc, number = 2): LatestRevision {
  return { number, yaml: doc.yaml, code: doc.code, canvasPositions: {}, message: null, authorEmail: null, createdAt: "2026-12-06T00:00:00Z" };
}

const set = (doc: EditorDoc, key: string, value: unknown) => withDefinition(doc, setInPruned(doc.definition, ["resources", "fn", "properties", key], value, 3));

describe("conflict resolution", () => {
  const saved = docFromYaml(BASE, code);

  it("merges changes to different settings and keeps both", () => {
    const mine = set(saved, "timeout", 30);
    const merge = mergeWithLatest(saved, mine, latest(set(saved, "memory", 512)));
    expect(mergeProblem(merge)).toBeUndefined();
    const r = resolveConflict("merge", mine, merge, 2);
    expect(r?.notice).toBe("Now based on revision 2: review the merged result and save again.");
    expect(r?.doc.definition.resources.fn).toMatchObject({ properties: { timeout: 30, memory: 512 } });
    expect(r?.doc.yaml).toContain("timeout: 30");
    expect(r?.doc.yaml).toContain("memory: 512");
  });

  it("names the setting both changed and offers no merge", () => {
    const mine = set(saved, "memory", 1024);
    const merge = mergeWithLatest(saved, mine, latest(set(saved, "memory", 512)));
    expect(mergeProblem(merge)).toBe("Both versions changed resources.fn.properties.memory: choose one version, then redo the other change.");
    expect(resolveConflict("merge", mine, merge, 2)).toBeNull();
  });

  it("keeps mine or loads theirs on request", () => {
    const mine = set(saved, "memory", 1024);
    const theirs = set(saved, "memory", 512);
    const merge = mergeWithLatest(saved, mine, latest(theirs, 3));
    expect(resolveConflict("mine", mine, merge, 3)).toEqual({ doc: mine, notice: "Now based on revision 3: review your version and save again." });
    const loaded = resolveConflict("theirs", mine, merge, 3);
    expect(loaded?.notice).toBe("Loaded revision 3.");
    expect(loaded?.doc.yaml).toBe(theirs.yaml);
  });
});
