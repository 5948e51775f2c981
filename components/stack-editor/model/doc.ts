// The editor's one state: the stack definition, the handler code stored with it, and the YAML text.
// The canvas, forms, code editors and YAML view are all views of this; a form edit patches the YAML
// in place (the comments and style of the nodes it does not touch stay), a YAML edit that parses
// replaces the definition, one that does not keeps the text and the last good definition (nothing
// typed is lost).
import { printStack, type StackDefinition } from "@/lib/stack";
import { applyDefinition } from "@/lib/stack/edit-yaml";
import type { CanvasPositions } from "@/lib/canvas/positions";
import { buildGraph } from "./graph";
import { parseStackOnce } from "./parse-once";
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
  const parsed = parseStackOnce(yaml);
  // A stored revision always parses (the save action checks it); an empty mapping is the safe fallback.
  return { definition: parsed.definition ?? { resources: {} }, code, yaml, positions, yamlPending: !parsed.definition };
}

// Documents whose YAML is written only when first read, with the text it is patched from and the
// definition that text holds. Patching a large stack's YAML costs tens of milliseconds: typing in a form
// field then changes the definition at once and the text when something shows or saves it (and several
// keystrokes in a row are patched from the same text in one go).
const unwritten = new WeakMap<EditorDoc, { yaml: string; definition: StackDefinition }>();

/** `doc` with `changes`, copied by descriptor: spreading it would read (and so write) its unwritten YAML. */
function copyWith(doc: EditorDoc, changes: Partial<EditorDoc>): EditorDoc {
  const next = Object.defineProperties({}, Object.getOwnPropertyDescriptors(doc)) as EditorDoc;
  for (const [key, value] of Object.entries(changes)) Object.defineProperty(next, key, { value, writable: true, enumerable: true, configurable: true });
  const from = unwritten.get(doc);
  if (from && !("yaml" in changes) && !("definition" in changes)) unwritten.set(next, from);
  return next;
}

export function withDefinition(doc: EditorDoc, definition: StackDefinition): EditorDoc {
  // Pending text does not hold the definition (it is the last one that parsed), so there is nothing to patch.
  if (doc.yamlPending) return copyWith(doc, { definition, yaml: printStack(definition), yamlPending: false });
  const from = unwritten.get(doc) ?? { yaml: doc.yaml, definition: doc.definition };
  const next = copyWith(doc, { definition, yamlPending: false });
  let yaml: string | undefined;
  Object.defineProperty(next, "yaml", {
    enumerable: true,
    configurable: true,
    get() {
      if (yaml === undefined) {
        yaml = applyDefinition(from.yaml, from.definition, definition);
        unwritten.delete(next);
      }
      return yaml;
    },
  });
  unwritten.set(next, from);
  return next;
}

export function withYaml(doc: EditorDoc, yaml: string): EditorDoc {
  const parsed = parseStackOnce(yaml);
  return parsed.definition ? copyWith(doc, { definition: parsed.definition, yaml, yamlPending: false }) : copyWith(doc, { yaml, yamlPending: true });
}

export function withCode(doc: EditorDoc, file: string, source: string): EditorDoc {
  return copyWith(doc, { code: { ...doc.code, [file]: source } });
}

/** `doc` with all of its files replaced (a resource added with its handler). */
export function withFiles(doc: EditorDoc, code: CodeMap): EditorDoc {
  return copyWith(doc, { code });
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
