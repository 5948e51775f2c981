// Maps a path inside the definition (["resources","api","properties","path"]) to a line and column in its
// YAML or JSON source. One walk of the yaml document builds an index of every path, the first time a
// position is asked for, so locating N diagnostics costs one walk and N lookups (a walk per
// diagnostic made a 60,000-key file quadratic).
import { isMap, isSeq, isScalar, type Document, type LineCounter } from "yaml";
import type { Diagnostic } from "./diagnostics";
import { readYaml } from "./read-yaml";

export type DefinitionPath = readonly (string | number)[];
export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}
/** For a map entry, point at its key (where editors expect a property) or at its value. */
export type LocateTarget = "key" | "value";

export interface SourceLocator {
  /** Position of the node at `path`, or of its nearest existing ancestor when the path does not exist. */
  locate(path: DefinitionPath, target?: LocateTarget): SourcePosition | undefined;
}

interface Entry {
  key?: number;
  value?: number;
}

const segmentKey = (segment: string | number) => `\0${String(segment)}`;

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

/** Every path of the document to the start of its key and of its value (a list item's are the same). */
function buildIndex(doc: Document): Map<string, Entry> {
  const index = new Map<string, Entry>();
  const root = rangeStart(doc.contents);
  index.set("", { key: root, value: root });
  const walk = (node: unknown, prefix: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const at = prefix + segmentKey(key);
        // The first of duplicate keys wins, as a search from the top would find it.
        if (index.has(at)) continue;
        const keyStart = rangeStart(pair.key);
        const valueStart = rangeStart(pair.value);
        index.set(at, { key: keyStart ?? valueStart, value: valueStart ?? keyStart });
        walk(pair.value, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const at = prefix + segmentKey(i);
        const start = rangeStart(item);
        index.set(at, { key: start, value: start });
        walk(item, at);
      });
    }
  };
  walk(doc.contents, "");
  return index;
}

export function createLocator(doc: Document | undefined, lineCounter: LineCounter): SourceLocator {
  let index: Map<string, Entry> | undefined;
  const position = (offset: number | undefined): SourcePosition | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    locate(path, target = "key") {
      if (!doc) return undefined;
      index ??= buildIndex(doc);
      const keys = [""];
      for (const segment of path) keys.push(keys[keys.length - 1] + segmentKey(segment));
      const exact = index.get(keys[keys.length - 1]);
      if (exact) return position(target === "key" ? exact.key : exact.value);
      for (let i = keys.length - 2; i >= 0; i--) {
        const ancestor = index.get(keys[i]);
        if (ancestor) return position(ancestor.key);
      }
      return undefined;
    },
  };
}

/** A locator for `source`, read with the same bounds as parseStack (a refused source locates nothing). */
export function sourceLocator(source: string): SourceLocator {
  const { doc, lineCounter } = readYaml(source);
  return createLocator(doc, lineCounter);
}

/** Position of `path` in `source` (key position for map entries unless target is "value"). */
export function locatePath(source: string, path: DefinitionPath, target: LocateTarget = "key"): SourcePosition | undefined {
  return sourceLocator(source).locate(path, target);
}

/** Every diagnostic without a line gets the position of its path, with one read of `source` for all. */
export function locateDiagnostics<D extends Diagnostic>(source: string, diagnostics: readonly D[]): D[] {
  if (diagnostics.every((d) => d.line !== undefined)) return [...diagnostics];
  const locator = sourceLocator(source);
  return diagnostics.map((d) => (d.line === undefined ? { ...d, ...locator.locate(d.path) } : d));
}
