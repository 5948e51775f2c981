// The editor's one state: the stack definition, the handler code stored with it, and the YAML text.
// The canvas, forms, code editors and YAML view are all views of this; a form edit patches the YAML
// in place (the comments and style of the nodes it does not touch stay), a YAML edit that parses
// replaces the definition, one that does not keeps the text and the last good definition (nothing
// typed is lost).
import { parseStack, printStack, type StackDefinition } from "@/lib/stack";
import { applyDefinition } from "@/lib/stack/edit-yaml";
import type { CanvasPositions } from "@/lib/canvas/positions";
import { buildGraph } from "./graph";
import { nodePositions } from "./positions";

export type CodeMap = Record<string, string>;

export interface EditorDoc {
  definition: StackDefinition;
  code: CodeMap;
  yaml: string;
  /** Canvas nodes the person placed; the rest are laid out automatically. Saved beside the YAML. */
  positions: CanvasPositions;
  /** True while the YAML text has errors and the definition is the last one that parsed. */
  yamlPending: boolean;
}

export function docFromYaml(yaml: string, code: CodeMap, positions: CanvasPositions = {}): EditorDoc {
  const parsed = parseStack(yaml);
  // A stored revision always parses (the save action checks it); an empty mapping is the safe fallback.
  return { definition: parsed.definition ?? { resources: {} }, code, yaml, positions, yamlPending: !parsed.definition };
}

export function withDefinition(doc: EditorDoc, definition: StackDefinition): EditorDoc {
  // Pending text does not hold the definition (it is the last one that parsed), so there is nothing to patch.
  const yaml = doc.yamlPending ? printStack(definition) : applyDefinition(doc.yaml, doc.definition, definition);
  return { ...doc, definition, yaml, yamlPending: false };
}

export function withYaml(doc: EditorDoc, yaml: string): EditorDoc {
  const parsed = parseStack(yaml);
  return parsed.definition ? { ...doc, definition: parsed.definition, yaml, yamlPending: false } : { ...doc, yaml, yamlPending: true };
}

export function withCode(doc: EditorDoc, file: string, source: string): EditorDoc {
  return { ...doc, code: { ...doc.code, [file]: source } };
}

/**
 * What a save stores: exactly the YAML shown, and every file of the revision it started from (a
 * shared module or a helper no function names as its entry is still the user's code), plus the
 * files the definition uses. Files the editor made for functions removed before saving are left out.
 */
export function savedCode(doc: EditorDoc, revisionFiles: CodeMap): CodeMap {
  const used = new Set<string>();
  for (const r of Object.values(doc.definition.resources)) {
    if ((r.type === "function" || r.type === "edge-lambda-function") && r.properties.packaging.type === "stacktape-lambda-buildpack") {
      used.add(r.properties.packaging.properties.entryfilePath);
    }
  }
  return Object.fromEntries(Object.entries(doc.code).filter(([file]) => used.has(file) || Object.hasOwn(revisionFiles, file)));
}

/** What a save stores beside the YAML: positions of the nodes the definition still has. */
export function savedPositions(doc: EditorDoc): CanvasPositions {
  // Most stacks are never arranged by hand: skip building the graph on every keystroke for them.
  if (Object.keys(doc.positions).length === 0) return doc.positions;
  return nodePositions(doc.positions, buildGraph(doc.definition).nodes);
}
